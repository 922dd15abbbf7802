package results

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// The decoding table builder: the straightforward reading of the table rules, kept as the oracle
// the line-based tableOf is held to (TestTableOfMatchesDecoding, FuzzBuildTable).

// buildTable decodes a JSON list and lays it out. It fails on anything
// that is not a list.
func buildTable(list []byte) (*table, error) {
	dec := json.NewDecoder(bytes.NewReader(list))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, errors.New("not a list")
	}
	t := &table{}
	index := map[string]int{}
	col := func(name string) int {
		if j, ok := index[name]; ok {
			return j
		}
		index[name] = len(t.cols)
		t.cols = append(t.cols, name)
		return len(t.cols) - 1
	}
	for dec.More() {
		var cells []cell
		if cells, err = flattenValue(dec, "", 0, cells); err != nil {
			return nil, err
		}
		row := make([]string, len(t.cols))
		for _, c := range cells {
			j := col(c.col)
			for len(row) <= j {
				row = append(row, "")
			}
			row[j] = c.text
		}
		t.rows = append(t.rows, row)
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
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
	return t, nil
}

// cell is one flattened value: its column name and text.
type cell struct{ col, text string }

// flattenValue reads one value from dec and appends its cells. prefix is
// the column name so far ("" for a row's own value).
func flattenValue(dec *json.Decoder, prefix string, depth int, cells []cell) ([]cell, error) {
	tok, err := dec.Token()
	if err != nil {
		return cells, err
	}
	name := prefix
	if depth == 0 {
		name = "value" // the row's own value, not an object's member (whose key may be "")
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' && depth <= maxFlattenDepth {
			n := 0
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return cells, err
				}
				k, _ := kt.(string)
				if prefix != "" {
					k = prefix + "." + k
				}
				if cells, err = flattenValue(dec, k, depth+1, cells); err != nil {
					return cells, err
				}
				n++
			}
			if _, err := dec.Token(); err != nil {
				return cells, err
			}
			if n == 0 {
				cells = append(cells, cell{name, "{}"})
			}
			return cells, nil
		}
		n, err := skipRest(dec)
		if err != nil {
			return cells, err
		}
		if t == '{' {
			// Keys and values both count as members: an object has half as many keys.
			return append(cells, cell{name, "{…} " + countOf(n/2, "key")}), nil
		}
		return append(cells, cell{name, "[…] " + countOf(n, "item")}), nil
	case string:
		return append(cells, cell{name, cutCell(t)}), nil
	case json.Number:
		return append(cells, cell{name, t.String()}), nil
	case bool:
		return append(cells, cell{name, strconv.FormatBool(t)}), nil
	case nil:
		return append(cells, cell{name, "null"}), nil
	}
	return cells, errors.New("unexpected JSON token")
}

// skipRest reads the rest of a container whose opening token was just
// read, returning its number of direct members.
func skipRest(dec *json.Decoder) (n int, err error) {
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err == io.EOF {
			return n, io.ErrUnexpectedEOF
		}
		if err != nil {
			return n, err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				if depth == 1 {
					n++
				}
				depth++
			} else {
				depth--
			}
			continue
		}
		if depth == 1 {
			n++
		}
	}
	return n, nil
}
