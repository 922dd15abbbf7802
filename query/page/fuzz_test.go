package page

import (
	"encoding/json"
	"testing"
)

// FuzzFindMerge: any response either has no page or a consistent one, and
// merging it alone keeps its items and stays valid JSON.
func FuzzFindMerge(f *testing.F) {
	for _, s := range []string{
		`{"data":{"Cards":{"data":[{"n":1}],"total":23,"per_page":10}}}`,
		`{"data":{"A":{"B":{"data":[],"total":0,"per_page":1,"current_page":9}}}}`,
		`{"data":{"Cards":{"data":[1],"total":-5,"per_page":3}}}`,
		`{"data":null}`, `[]`, `{"data":{"x":{"data":{},"total":1,"per_page":1}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		info, ok := Find(body, 1)
		if !ok {
			return
		}
		if info.Pages < 1 || info.PerPage < 1 || len(info.Path) == 0 {
			t.Fatalf("inconsistent info %+v", info)
		}
		merged, err := Merge([][]byte{body}, info.Path)
		if err != nil {
			t.Fatalf("merging the page found: %v", err)
		}
		if !json.Valid(merged) {
			t.Fatalf("merged is not JSON: %s", merged)
		}
		again, ok := Find(merged, 1)
		if !ok || again.Total != info.Total || again.PerPage != info.PerPage {
			t.Fatalf("merged page lost its list: %+v vs %+v", again, info)
		}
	})
}
