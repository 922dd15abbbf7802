package completion

import (
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// frameKind is the syntactic construct a frame of the completion context
// stands for.
type frameKind uint8

const (
	inDocument  frameKind = iota // between definitions
	inOperation                  // an operation's header, before its "{"
	inVarDefs                    // an operation's variable definitions "( ... )"
	inFragment                   // a fragment's header, before its "{"
	inSelection                  // a selection set "{ ... }"
	inArgs                       // arguments of a field or directive "( ... )"
	inObject                     // an input object value "{ ... }"
	inList                       // a list value "[ ... ]"
)

// Frame states. Each frame kind uses its own subset.
const (
	// inSelection
	selField      uint8 = iota // expecting a field, alias, "..." or "}"
	selName                    // after a field name (or an alias not yet known to be one)
	selAlias                   // after "alias:", expecting the field name
	selDone                    // after a field's arguments or sub-selection
	selSpread                  // after "..."
	selOn                      // after "... on"
	selTypeCond                // after "... on Type"
	selFragSpread              // after "...Name"
)

const (
	// inArgs and inObject
	argName   uint8 = iota // expecting an argument (or input field) name
	argColon               // after the name, expecting ":"
	argValue               // after ":", expecting a value
	argDollar              // after "$" in a value
	argDone                // after a value
)

const (
	// inVarDefs
	varStart   uint8 = iota // expecting "$"
	varDollar               // after "$", expecting the variable's name
	varName                 // after the name, expecting ":"
	varType                 // expecting a type (after ":" or "[")
	varTypeEnd              // after a type name
	varDefault              // in the default value
)

const (
	// inOperation and inFragment
	headStart uint8 = iota // after the keyword
	headName               // after the name
	headOn                 // fragment: after "on"
	headType               // fragment: after the type condition
)

const (
	// inList
	listValue  uint8 = iota // expecting an element
	listDollar              // after "$"
)

// Directive progress within a frame.
const (
	dirNone uint8 = iota
	dirAt         // after "@"
	dirName       // after "@name"
)

// frame is one open construct on the context stack.
type frame struct {
	kind  frameKind
	state uint8
	// def is a selection set's parent type, an input object value's type, or
	// a fragment header's type condition.
	def *ast.Definition
	// field is, in a selection set, the field last named.
	field *ast.FieldDefinition
	// args are the arguments an inArgs frame accepts; owner and ownerType say
	// whose they are (nil for a directive's).
	args        ast.ArgumentDefinitionList
	owner       *ast.FieldDefinition
	ownerType   *ast.Definition
	ofDirective bool
	// expect is the type of the value expected next in inArgs, inObject
	// (after "name:") and inList (each element).
	expect *ast.Type
	// given are the argument or input field names already written.
	given []string
	// cond is the type condition of an inline fragment being written.
	cond string
	// op is an operation header's kind; fromOp marks the operation's
	// top-level selection set.
	op     ast.Operation
	fromOp bool
	// dir tracks a directive being written on this construct; dirLoc is
	// where it would apply and directive the definition named after "@".
	dir       uint8
	dirLoc    ast.DirectiveLocation
	directive *ast.DirectiveDefinition
	// depth counts open brackets and braces in a variable's default value.
	depth int
}

// varDecl is a variable declared by the operation being written.
type varDecl struct {
	name, typ string
}

// cursorCtx follows a partial document token by token and knows, at the end,
// what may come next. It never fails: unexpected tokens are skipped and
// unmatched closers ignored, because the user is in the middle of typing.
type cursorCtx struct {
	s     *schema.Schema
	stack []frame
	vars  []varDecl // of the current operation
}

func newContext(s *schema.Schema) *cursorCtx {
	c := &cursorCtx{s: s, stack: make([]frame, 1, 16)}
	c.stack[0] = frame{kind: inDocument}
	return c
}

func (c *cursorCtx) top() *frame { return &c.stack[len(c.stack)-1] }

func (c *cursorCtx) push(f frame) { c.stack = append(c.stack, f) }

// pop removes the top frame (never the document) and tells the new top that
// the construct it opened is complete.
func (c *cursorCtx) pop() {
	if len(c.stack) == 1 {
		return
	}
	closed := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	t := c.top()
	if closed.ofDirective {
		return // the construct the directive sits on goes on as it was
	}
	switch t.kind {
	case inSelection:
		t.state = selDone
	case inArgs, inObject:
		t.state = argDone
	case inList:
		t.state = listValue
	case inOperation:
		t.state = headName
	case inDocument:
		if closed.fromOp {
			c.vars = nil
		}
	}
}

// closeTo pops frames up to and including the nearest one of a kind in
// kinds; a closer with no opener is ignored.
func (c *cursorCtx) closeTo(kinds ...frameKind) {
	for i := len(c.stack) - 1; i > 0; i-- {
		for _, k := range kinds {
			if c.stack[i].kind == k {
				for len(c.stack) > i {
					c.pop()
				}
				return
			}
		}
	}
}

// feed advances the context by one token.
func (c *cursorCtx) feed(kind lexer.Type, value string) {
	t := c.top()
	if t.dir != dirNone && c.feedDirective(t, kind, value) {
		return
	}
	switch t.kind {
	case inDocument:
		c.feedDocument(kind, value)
	case inOperation, inFragment:
		c.feedHeader(t, kind, value)
	case inVarDefs:
		c.feedVarDefs(t, kind, value)
	case inSelection:
		c.feedSelection(t, kind, value)
	case inArgs, inObject:
		c.feedArgs(t, kind, value)
	case inList:
		c.feedList(t, kind, value)
	}
}
