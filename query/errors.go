package query

import (
	"errors"
	"strconv"
)

// ErrEmpty is returned by Parse for a document with nothing but whitespace
// or comments in it.
var ErrEmpty = errors.New("the document is empty")

// ErrNoOperation is returned by Parse for a document that defines fragments
// but no query, mutation or subscription, so there is nothing to send.
var ErrNoOperation = errors.New("the document holds no operation (only fragments): add a query, mutation or subscription")

// SyntaxError is a GraphQL syntax error at a position in the document.
// Line and Column are 1-based; Column counts code points.
type SyntaxError struct {
	Line, Column int
	Message      string
}

// Error formats the error as "line:col: message".
func (e *SyntaxError) Error() string {
	return strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ": " + e.Message
}

// JSONError is a problem in a variables JSON text at a position. Line and
// Column are 1-based; Column counts code points. File is set only by
// LoadVarsFile.
type JSONError struct {
	File         string
	Line, Column int
	Message      string
}

// Error formats the error as "line:col: message", or "file:line:col: message"
// when the text came from a file (the form compilers and `check` print).
func (e *JSONError) Error() string {
	pos := strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ": " + e.Message
	if e.File == "" {
		return pos
	}
	return e.File + ":" + pos
}
