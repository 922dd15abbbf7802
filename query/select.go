package query

import (
	"fmt"
	"strings"
)

// Select picks the operation to run. With name "" the document must hold
// exactly one operation. A name must match exactly one operation; anonymous
// operations among several cannot be selected at all, and the error says so.
// Errors list the names to choose from.
func (d *Document) Select(name string) (Operation, error) {
	if name == "" {
		if len(d.Operations) == 1 {
			return d.Operations[0], nil
		}
		return Operation{}, fmt.Errorf("the document holds %d operations; choose one with --operation: %s",
			len(d.Operations), d.describeOperations())
	}
	var found []Operation
	for _, op := range d.Operations {
		if op.Name == name {
			found = append(found, op)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return Operation{}, fmt.Errorf("no operation named %q; the document holds: %s", name, d.describeOperations())
	}
	return Operation{}, fmt.Errorf("%d operations are named %q (lines %s); names must be unique",
		len(found), name, joinLines(found))
}

// describeOperations lists the operations for an error message, e.g.
// `Login, Balance, anonymous query at line 9 (give it a name to select it)`.
func (d *Document) describeOperations() string {
	parts := make([]string, 0, len(d.Operations))
	for _, op := range d.Operations {
		if op.Name != "" {
			parts = append(parts, op.Name)
			continue
		}
		parts = append(parts, fmt.Sprintf("anonymous %s at line %d (give it a name to select it)", op.Kind, op.Line))
	}
	return strings.Join(parts, ", ")
}

func joinLines(ops []Operation) string {
	lines := make([]string, len(ops))
	for i, op := range ops {
		lines[i] = fmt.Sprint(op.Line)
	}
	return strings.Join(lines, ", ")
}

// OperationAt returns the operation whose text contains the byte offset, the
// one "under the cursor". Both ends count, so a cursor just after the closing
// brace still selects it. An offset between operations (blank lines, comments)
// selects none: the caller decides whether to fall back to Select("").
func (d *Document) OperationAt(offset int) (Operation, bool) {
	for _, op := range d.Operations {
		if offset >= op.StartOffset && offset <= op.EndOffset {
			return op, true
		}
	}
	return Operation{}, false
}

// OperationAtLineCol is OperationAt for a 1-based line and column (column in
// code points, as the editor counts). A column past the end of the line counts
// as the end of the line.
func (d *Document) OperationAtLineCol(line, col int) (Operation, bool) {
	off, ok := d.index.offsetAt(line, col)
	if !ok {
		return Operation{}, false
	}
	return d.OperationAt(off)
}
