package query

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Problem is one mismatch between an operation's declared variables and the
// values provided.
type Problem struct {
	Variable string
	Message  string
}

// String formats the problem as "$name: message".
func (p Problem) String() string { return "$" + p.Variable + ": " + p.Message }

// CheckVariables compares vars with op's declared variables without a
// schema: required variables (non-null, no default) that are missing or
// null, variables that the operation does not declare, and values whose shape
// cannot fit the declared type: the built-in scalars Int, Float, String,
// Boolean and ID, lists and non-null at every level. Custom scalars, enums and
// input objects are accepted as they are (only a schema could judge them).
// Problems come in declaration order, then unknown names sorted. Messages
// never include values.
func CheckVariables(op Operation, vars map[string]any) []Problem {
	var probs []Problem
	declared := map[string]bool{}
	for _, v := range op.Variables {
		declared[v.Name] = true
		val, present := vars[v.Name]
		switch {
		case !present && v.Required:
			probs = append(probs, Problem{v.Name, fmt.Sprintf("required (%s) but not provided", v.Type)})
		case !present:
		default:
			if msg := checkValue(v.Type, val); msg != "" {
				probs = append(probs, Problem{v.Name, msg})
			}
		}
	}
	var unknown []string
	for name := range vars {
		if !declared[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		probs = append(probs, Problem{name, fmt.Sprintf("not declared by %s", describe(op))})
	}
	return probs
}

func describe(op Operation) string {
	if op.Name == "" {
		return "the anonymous " + op.Kind.String()
	}
	return op.Kind.String() + " " + op.Name
}

// checkValue returns why val cannot be a value of the GraphQL type typ (in
// canonical form, as in VariableDef.Type), or "".
func checkValue(typ string, val any) string {
	inner, nonNull := strings.CutSuffix(typ, "!")
	if val == nil {
		if nonNull {
			return fmt.Sprintf("is null but the type %s is non-null", typ)
		}
		return ""
	}
	if elem, ok := listElem(inner); ok {
		list, isList := val.([]any)
		if !isList {
			// GraphQL coerces a single value to a one-item list.
			return checkValue(elem, val)
		}
		for i, e := range list {
			if msg := checkValue(elem, e); msg != "" {
				return fmt.Sprintf("item %d %s", i, msg)
			}
		}
		return ""
	}
	if !Fits(inner, val) {
		return fmt.Sprintf("expects %s, got %s", typ, JSONKind(val))
	}
	return ""
}

// listElem unwraps "[T]" to "T".
func listElem(t string) (string, bool) {
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		return t[1 : len(t)-1], true
	}
	return "", false
}

// Fits reports whether a non-null val can be a value of the named type,
// following the GraphQL input coercion rules for the built-in scalars.
func Fits(named string, val any) bool {
	switch named {
	case "Int":
		return isInt32(val)
	case "Float":
		return isNumber(val)
	case "String":
		_, ok := val.(string)
		return ok
	case "Boolean":
		_, ok := val.(bool)
		return ok
	case "ID":
		// The spec accepts an integer for an ID and serialises it as a string.
		_, ok := val.(string)
		return ok || isInteger(val)
	}
	return true
}

// number returns val as a float64 when it is a number of any Go or JSON
// kind; a json.Number beyond float64's range gives an infinity.
func number(val any) (float64, bool) {
	switch t := val.(type) {
	case json.Number:
		f, err := t.Float64()
		if err != nil && !math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	case float64:
		return t, true
	case float32:
		return float64(t), true
	case int:
		return float64(t), true
	case int8:
		return float64(t), true
	case int16:
		return float64(t), true
	case int32:
		return float64(t), true
	case int64:
		return float64(t), true
	case uint:
		return float64(t), true
	case uint8:
		return float64(t), true
	case uint16:
		return float64(t), true
	case uint32:
		return float64(t), true
	case uint64:
		return float64(t), true
	}
	return 0, false
}

// isNumber reports whether val is a finite number (GraphQL Float).
func isNumber(val any) bool {
	f, ok := number(val)
	return ok && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// isInteger reports whether val is a whole number of any size. A json.Number
// written without fraction or exponent is whole however many digits it has,
// which float64 could not tell for a 19-digit card reference.
func isInteger(val any) bool {
	if n, ok := val.(json.Number); ok && !strings.ContainsAny(string(n), ".eE") {
		return true
	}
	f, ok := number(val)
	return ok && !math.IsInf(f, 0) && f == math.Trunc(f)
}

// isInt32 reports whether val is a whole number within GraphQL Int's signed
// 32-bit range.
func isInt32(val any) bool {
	f, ok := number(val)
	return ok && isInteger(val) && f >= math.MinInt32 && f <= math.MaxInt32
}

// JSONKind names the JSON type of val for messages (never the value itself).
func JSONKind(val any) string {
	switch val.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	if isInteger(val) {
		return "an integer"
	}
	if isNumber(val) {
		return "a number"
	}
	return fmt.Sprintf("a %T", val)
}

// CoerceVariables returns a deep copy of vars in which JSON numbers given for
// variables declared as String or ID (also inside lists) become strings with
// exactly the digits as written. A number on the command line for a String
// variable is the user typing a card reference such as 6301234567890123456,
// not asking for a type error; json.Number keeps the text, so nothing is lost.
// Call it before CheckVariables. Other values are left alone.
func CoerceVariables(op Operation, vars map[string]any) map[string]any {
	out := MergeVars(vars, nil)
	for _, v := range op.Variables {
		if val, ok := out[v.Name]; ok {
			out[v.Name] = coerceValue(v.Type, val)
		}
	}
	return out
}

func coerceValue(typ string, val any) any {
	inner := strings.TrimSuffix(typ, "!")
	if elem, ok := listElem(inner); ok {
		list, isList := val.([]any)
		if !isList {
			return coerceValue(elem, val)
		}
		out := make([]any, len(list))
		for i, e := range list {
			out[i] = coerceValue(elem, e)
		}
		return out
	}
	if n, ok := val.(json.Number); ok && (inner == "String" || inner == "ID") {
		return string(n)
	}
	return val
}

// DeclaredOnly returns the variables the operation declares, and the sorted names of the others.
// A variables file shared by the operations of one document, or a --var with a typo, must not
// stop the run: GraphQL servers ignore undeclared variables, so they are left out and named.
func DeclaredOnly(op Operation, vars map[string]any) (map[string]any, []string) {
	declared := make(map[string]bool, len(op.Variables))
	for _, v := range op.Variables {
		declared[v.Name] = true
	}
	kept := make(map[string]any, len(vars))
	var dropped []string
	for name, v := range vars {
		if declared[name] {
			kept[name] = v
		} else {
			dropped = append(dropped, name)
		}
	}
	sort.Strings(dropped)
	return kept, dropped
}
