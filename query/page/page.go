// Package page knows Toggle's pagination: lists take `page` (1-based) and
// `limit` arguments and answer a wrapper {data: [...], total, per_page}
// (some lists also say current_page). It finds the wrapper in a response,
// says which page of how many it is, and merges the pages of a list into one
// response for `run --paginate`.
//
// It never imports Bubble Tea: the TUI and the headless commands share it.
package page

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"

	"github.com/itchyny/gojq"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// VarName is the variable that selects the page.
const VarName = "page"

// Variable reports whether op declares $page: only then can the explorer
// step through pages by changing a variable.
func Variable(op query.Operation) bool {
	for _, v := range op.Variables {
		if v.Name == VarName {
			return true
		}
	}
	return false
}

// Current is the page a request asks for: vars' page when it is a whole
// number, else the declared default, else 1.
func Current(op query.Operation, vars map[string]any) int {
	if n, ok := wholeNumber(vars[VarName]); ok {
		return n
	}
	for _, v := range op.Variables {
		if v.Name == VarName {
			if n, err := strconv.Atoi(v.Default); err == nil {
				return n
			}
		}
	}
	return 1
}

func wholeNumber(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		if n == float64(int(n)) {
			return int(n), true
		}
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return int(i), true
		}
	}
	return 0, false
}

// Info is where a response sits in its list.
type Info struct {
	Current int      // the page this response is (current_page, else the page asked for)
	Pages   int      // ceil(total / per_page); at least 1
	Total   int      // items in the whole list
	PerPage int      // items a page
	Path    []string // keys from the response's top to the wrapper, e.g. data, Cards
}

// String is "page 2 of 7".
func (i Info) String() string { return fmt.Sprintf("page %d of %d", i.Current, i.Pages) }

// Last reports whether no page follows this one.
func (i Info) Last() bool { return i.Current >= i.Pages }

// Find locates the first paginated wrapper under the response's data (in
// key order of the decoded objects, which is sorted: for one paginated
// field per operation, the usual case, order does not matter). asked is the
// page the request asked for, used when the wrapper does not say.
func Find(body []byte, asked int) (Info, bool) {
	v, err := decode(body)
	if err != nil {
		return Info{}, false
	}
	top, _ := v.(map[string]any)
	data, ok := top["data"].(map[string]any)
	if !ok {
		return Info{}, false
	}
	return find(data, []string{"data"}, asked)
}

func find(obj map[string]any, path []string, asked int) (Info, bool) {
	if _, isList := obj["data"].([]any); isList {
		total, okT := wholeNumber(obj["total"])
		per, okP := wholeNumber(obj["per_page"])
		if okT && okP && per > 0 {
			info := Info{Current: asked, Total: total, PerPage: per, Pages: max(1, (total+per-1)/per)}
			if c, ok := wholeNumber(obj["current_page"]); ok {
				info.Current = c
			}
			info.Path = append([]string(nil), path...)
			return info, true
		}
	}
	for _, k := range sortedKeys(obj) {
		if child, ok := obj[k].(map[string]any); ok {
			if info, ok := find(child, append(path, k), asked); ok {
				return info, true
			}
		}
	}
	return Info{}, false
}

// Merge joins the pages of one list into one response: the first page's
// response, whose wrapper's data holds every page's items in order, with
// current_page dropped (it no longer means anything) and the errors of all
// pages together. Numbers stay exact; object keys come out sorted.
func Merge(pages [][]byte, path []string) ([]byte, error) {
	if len(pages) == 0 {
		return nil, errors.New("no pages")
	}
	var first map[string]any
	var items, errs []any
	for i, p := range pages {
		v, err := decode(p)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		top, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("page %d: not a JSON object", i+1)
		}
		if e, ok := top["errors"].([]any); ok {
			errs = append(errs, e...)
		}
		w, err := wrapper(top, path)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		list, _ := w["data"].([]any)
		items = append(items, list...)
		if i == 0 {
			first = top
		}
	}
	w, _ := wrapper(first, path)
	if items == nil {
		items = []any{}
	}
	w["data"] = items
	delete(w, "current_page")
	if len(errs) > 0 {
		first["errors"] = errs
	}
	return gojq.Marshal(normalize(first))
}

// wrapper walks path from the response's top.
func wrapper(top map[string]any, path []string) (map[string]any, error) {
	cur := top
	for _, k := range path {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("no list at %v", path)
		}
		cur = next
	}
	return cur, nil
}

// decode reads one JSON value with exact numbers.
func decode(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// normalize turns json.Number into what gojq's encoder prints exactly:
// int, *big.Int or float64.
func normalize(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return int(i)
		}
		if b, ok := new(big.Int).SetString(t.String(), 10); ok {
			return b
		}
		f, _ := t.Float64()
		return f
	case []any:
		for i := range t {
			t[i] = normalize(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = normalize(t[k])
		}
	}
	return v
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
