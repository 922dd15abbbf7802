package results

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// tableOf lays out the list opening on line list of d as a table, reading
// the pretty lines and the structure index instead of decoding JSON: a key,
// a value and a size are all on one line, so this costs a pass over the
// list's lines (the decoding version it replaced took seconds on 20 MB; the
// tests hold the two to the same output).
func tableOf(d *Document, st *structure, list int) *table {
	t := &table{}
	index := map[string]int{}
	put := func(row []string, col, text string) []string {
		j, ok := index[col]
		if !ok {
			j = len(t.cols)
			index[col] = j
			t.cols = append(t.cols, col)
		}
		for len(row) <= j {
			row = append(row, "")
		}
		row[j] = text
		return row
	}
	end := int(st.close[list])
	for c := list + 1; c < end; {
		var row []string
		line := bytes.TrimLeft(d.Line(c), " ")
		next := c + 1
		switch {
		case st.isOpen(c) && line[len(line)-1] == '{':
			row = objectCells(d, st, c, row, put)
			next = int(st.close[c]) + 1
		case st.isOpen(c):
			row = put(row, "value", "[…] "+countOf(int(st.kids[c]), "item"))
			next = int(st.close[c]) + 1
		default:
			row = put(row, "value", scalarText(trimComma(line), 0))
		}
		t.rows = append(t.rows, row)
		c = next
	}
	for i := range t.rows {
		for len(t.rows[i]) < len(t.cols) {
			t.rows[i] = append(t.rows[i], "")
		}
	}
	t.order = make([]int32, len(t.rows))
	for i := range t.order {
		t.order[i] = int32(i)
	}
	return t
}

// objectCells adds the cells of the object opening on line open: its keys,
// nested objects flattened to "a.b" up to maxFlattenDepth levels.
func objectCells(d *Document, st *structure, open int, row []string, put func([]string, string, string) []string) []string {
	type frame struct{ prefix string }
	stack := []frame{{""}}
	for l := open + 1; l < int(st.close[open]); l++ {
		raw := d.Line(l)
		line := bytes.TrimLeft(raw, " ")
		if line[0] == '}' || line[0] == ']' {
			stack = stack[:len(stack)-1]
			continue
		}
		k, _ := lineKey(line)
		col := k
		if p := stack[len(stack)-1].prefix; p != "" {
			col = p + "." + k
		}
		rest := trimComma(bytes.TrimLeft(line[stringEnd(line, 0):], " :"))
		depth := len(stack) // of the value: 1 for the item's own keys
		switch {
		case st.isOpen(l) && rest[0] == '{' && depth <= maxFlattenDepth:
			stack = append(stack, frame{col})
			continue
		case st.isOpen(l) && rest[0] == '{':
			row = put(row, col, "{…} "+countOf(int(st.kids[l]), "key"))
		case st.isOpen(l):
			row = put(row, col, "[…] "+countOf(int(st.kids[l]), "item"))
		default:
			row = put(row, col, scalarText(rest, depth))
		}
		if st.isOpen(l) {
			l = int(st.close[l])
		}
	}
	if len(stack) != 1 {
		return row // unbalanced: cannot happen on our indenter's output
	}
	return row
}

// scalarText is a one-line value as a cell: a string's text, anything else
// as written; an empty container says so (depth: of the value, as in
// objectCells).
func scalarText(v []byte, depth int) string {
	switch {
	case len(v) == 0:
		return ""
	case v[0] == '"':
		if bytes.IndexByte(v, '\\') < 0 && utf8.Valid(v) {
			return cutCell(string(v[1 : len(v)-1]))
		}
		var s string
		if json.Unmarshal(v, &s) != nil {
			return string(v)
		}
		return cutCell(s)
	case string(v) == "{}" && depth <= maxFlattenDepth:
		return "{}"
	case string(v) == "{}":
		return "{…} 0 keys"
	case string(v) == "[]":
		return "[…] 0 items"
	}
	return string(v)
}
