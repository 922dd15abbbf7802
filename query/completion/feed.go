package completion

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// This file holds how each construct of a document advances the completion
// context, one token at a time.

// feedDirective handles the tokens of "@name(...)"; it reports false when the
// token ends the directive and belongs to the frame.
func (c *cursorCtx) feedDirective(t *frame, kind lexer.Type, value string) bool {
	switch {
	case t.dir == dirAt && kind == lexer.Name:
		t.dir, t.directive = dirName, c.s.AST().Directives[value]
		return true
	case t.dir == dirName && kind == lexer.ParenL:
		t.dir = dirNone
		var args ast.ArgumentDefinitionList
		if t.directive != nil {
			args = t.directive.Arguments
		}
		c.push(frame{kind: inArgs, args: args, ofDirective: true})
		return true
	}
	t.dir = dirNone
	return false
}

// startDirective notes an "@" on frame t applying at loc.
func startDirective(t *frame, loc ast.DirectiveLocation) {
	t.dir, t.dirLoc, t.directive = dirAt, loc, nil
}

func (c *cursorCtx) feedDocument(kind lexer.Type, value string) {
	switch kind {
	case lexer.Name:
		switch value {
		case "query", "mutation", "subscription":
			c.vars = nil
			c.push(frame{kind: inOperation, op: ast.Operation(value)})
		case "fragment":
			c.push(frame{kind: inFragment})
		}
	case lexer.BraceL: // a shorthand query
		c.vars = nil
		c.push(frame{kind: inSelection, def: c.s.AST().Query, fromOp: true})
	}
}

func (c *cursorCtx) feedHeader(t *frame, kind lexer.Type, value string) {
	switch kind {
	case lexer.Name:
		switch {
		case t.state == headStart:
			t.state = headName
		case t.kind == inFragment && t.state == headName && value == "on":
			t.state = headOn
		case t.kind == inFragment && t.state == headOn:
			t.state, t.def = headType, c.s.AST().Types[value]
		}
	case lexer.ParenL:
		if t.kind == inOperation {
			c.push(frame{kind: inVarDefs})
		}
	case lexer.At:
		loc := ast.LocationFragmentDefinition
		if t.kind == inOperation {
			loc = operationLocation(t.op)
		}
		startDirective(t, loc)
	case lexer.BraceL:
		// The header is complete: its selection set replaces it, so that
		// the closing brace returns to the document.
		f := frame{kind: inSelection, def: t.def, fromOp: t.kind == inOperation}
		if t.kind == inOperation {
			f.def = c.root(t.op)
		}
		c.stack[len(c.stack)-1] = f
	}
}

func (c *cursorCtx) feedVarDefs(t *frame, kind lexer.Type, value string) {
	if t.state == varDefault {
		switch kind {
		case lexer.BracketL, lexer.BraceL:
			t.depth++
			return
		case lexer.BracketR, lexer.BraceR:
			if t.depth > 0 {
				t.depth--
				return
			}
		case lexer.Dollar:
			if t.depth > 0 {
				return
			}
		case lexer.ParenR, lexer.At:
		default:
			return
		}
	}
	switch kind {
	case lexer.Dollar:
		t.state = varDollar
	case lexer.Name:
		switch t.state {
		case varDollar:
			c.vars = append(c.vars, varDecl{name: value})
			t.state = varName
		case varType:
			c.appendVarType(value)
			t.state = varTypeEnd
		}
	case lexer.Colon:
		if t.state == varName {
			t.state = varType
		}
	case lexer.BracketL:
		if t.state == varType {
			c.appendVarType("[")
		}
	case lexer.BracketR, lexer.Bang:
		if t.state == varTypeEnd && kind == lexer.Bang {
			c.appendVarType("!")
		} else if t.state == varTypeEnd {
			c.appendVarType("]")
		}
	case lexer.Equals:
		t.state, t.depth = varDefault, 0
	case lexer.At:
		startDirective(t, ast.LocationVariableDefinition)
	case lexer.ParenR:
		c.closeTo(inVarDefs)
	case lexer.BraceL:
		// "{" with the ")" missing: the body has begun. Close the header.
		c.closeTo(inVarDefs)
		c.feed(kind, value)
	}
}

// appendVarType extends the type of the variable being declared.
func (c *cursorCtx) appendVarType(s string) {
	if n := len(c.vars); n > 0 {
		c.vars[n-1].typ += s
	}
}

func (c *cursorCtx) feedSelection(t *frame, kind lexer.Type, value string) {
	switch kind {
	case lexer.Name:
		switch t.state {
		case selSpread:
			if value == "on" {
				t.state = selOn
			} else {
				t.state = selFragSpread
			}
		case selOn:
			t.state, t.field, t.cond = selTypeCond, nil, value
		default:
			t.state, t.field = selName, c.fieldOf(t.def, value)
		}
	case lexer.Colon:
		if t.state == selName {
			t.state, t.field = selAlias, nil
		}
	case lexer.ParenL:
		if t.state == selName {
			f := frame{kind: inArgs, owner: t.field, ownerType: t.def}
			if t.field != nil {
				f.args = t.field.Arguments
			}
			c.push(f)
		} else {
			c.push(frame{kind: inArgs})
		}
	case lexer.Spread:
		t.state = selSpread
	case lexer.At:
		loc := ast.LocationField
		switch t.state {
		case selFragSpread:
			loc = ast.LocationFragmentSpread
		case selSpread, selTypeCond:
			loc = ast.LocationInlineFragment
		}
		startDirective(t, loc)
	case lexer.BraceL:
		var def *ast.Definition
		switch t.state {
		case selName, selDone:
			if t.field != nil {
				def = c.s.AST().Types[t.field.Type.Name()]
			}
		case selSpread:
			def = t.def
		case selTypeCond:
			def = c.s.AST().Types[t.cond]
		}
		c.push(frame{kind: inSelection, def: def})
	case lexer.BraceR:
		c.closeTo(inSelection)
	case lexer.ParenR:
		c.closeTo(inArgs, inVarDefs)
	case lexer.BracketR:
		c.closeTo(inList)
	}
}

func (c *cursorCtx) feedArgs(t *frame, kind lexer.Type, value string) {
	switch kind {
	case lexer.Name:
		switch t.state {
		case argName, argDone:
			t.given = append(t.given, value)
			t.state, t.expect = argColon, c.memberType(t, value)
		case argValue, argDollar:
			t.state = argDone
		}
	case lexer.Colon:
		if t.state == argColon {
			t.state = argValue
		}
	case lexer.Dollar:
		if t.state == argValue {
			t.state = argDollar
		}
	case lexer.Int, lexer.Float, lexer.String, lexer.BlockString:
		if t.state == argValue {
			t.state = argDone
		}
	case lexer.BracketL:
		c.push(frame{kind: inList, expect: listElem2(t.expect)})
	case lexer.BraceL:
		switch {
		case t.state == argValue:
			c.push(frame{kind: inObject, def: c.inputDef(t.expect)})
		case t.kind == inArgs:
			// "{" where no value is expected: the ")" was left out and the
			// selection set has begun.
			c.closeTo(inArgs)
			c.feed(kind, value)
		}
	case lexer.BraceR:
		c.closeTo(inObject, inSelection)
	case lexer.ParenR:
		c.closeTo(inArgs, inVarDefs)
	case lexer.BracketR:
		c.closeTo(inList)
	}
}

func (c *cursorCtx) feedList(t *frame, kind lexer.Type, value string) {
	switch kind {
	case lexer.Dollar:
		t.state = listDollar
	case lexer.Name, lexer.Int, lexer.Float, lexer.String, lexer.BlockString:
		t.state = listValue
	case lexer.BracketL:
		c.push(frame{kind: inList, expect: listElem2(t.expect)})
	case lexer.BraceL:
		c.push(frame{kind: inObject, def: c.inputDef(t.expect)})
	case lexer.BracketR:
		c.closeTo(inList)
	case lexer.BraceR:
		c.closeTo(inObject, inSelection)
	case lexer.ParenR:
		c.closeTo(inArgs, inVarDefs)
	}
}

// memberType is the type of argument (inArgs) or input field (inObject)
// name, or nil when unknown.
func (c *cursorCtx) memberType(t *frame, name string) *ast.Type {
	if t.kind == inObject {
		if t.def != nil {
			if f := t.def.Fields.ForName(name); f != nil {
				return f.Type
			}
		}
		return nil
	}
	if a := t.args.ForName(name); a != nil {
		return a.Type
	}
	return nil
}

// inputDef is the input object definition of type t, or nil.
func (c *cursorCtx) inputDef(t *ast.Type) *ast.Definition {
	if t == nil {
		return nil
	}
	if def := c.s.AST().Types[t.Name()]; def != nil && def.Kind == ast.InputObject {
		return def
	}
	return nil
}

// fieldOf looks up a field of def, including the implicit __typename.
func (c *cursorCtx) fieldOf(def *ast.Definition, name string) *ast.FieldDefinition {
	if name == "__typename" {
		return &ast.FieldDefinition{Name: name, Type: ast.NonNullNamedType("String", nil), Description: typenameDoc}
	}
	if def == nil {
		return nil
	}
	return def.Fields.ForName(name)
}

// root is the root type of an operation kind, or nil.
func (c *cursorCtx) root(op ast.Operation) *ast.Definition {
	switch op {
	case ast.Mutation:
		return c.s.AST().Mutation
	case ast.Subscription:
		return c.s.AST().Subscription
	}
	return c.s.AST().Query
}

// operationLocation is where a directive on an operation of kind op applies.
func operationLocation(op ast.Operation) ast.DirectiveLocation {
	switch op {
	case ast.Mutation:
		return ast.LocationMutation
	case ast.Subscription:
		return ast.LocationSubscription
	}
	return ast.LocationQuery
}

// listElem2 is the type of a list value's elements when the list is given
// where t is expected: t's element type, or t itself (GraphQL coerces a
// single value to a list, so be lenient).
func listElem2(t *ast.Type) *ast.Type {
	if t != nil && t.Elem != nil {
		return t.Elem
	}
	return t
}

// typenameDoc describes the implicit __typename field.
const typenameDoc = "The name of the current object type at runtime."
