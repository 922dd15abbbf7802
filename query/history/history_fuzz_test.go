package history

import (
	"reflect"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/internal/fixture"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// FuzzDecodeHistoryLine feeds arbitrary bytes to the decoder of history lines,
// which reads a file any process (or a crash) may have damaged. It must never
// panic, and whatever it accepts must survive a write and a read unchanged.
func FuzzDecodeHistoryLine(f *testing.F) {
	seeds := []string{
		`{"time":"2025-01-02T03:04:05Z","endpoint":"http://127.0.0.1/graphql","operation":"A","kind":"query","document":"{ a }","variables":{"n":6301000000000000001,"o":{"l":[1,"x",null,true]}},"status":200,"outcome":"ok","duration_ms":5,"size":10,"token_fp":"3f2a9c1b0d4e"}`,
		`{"time":"2025-01-02T03:04:05.123456789+05:30"}`,
		`{"time":"2025-01-02T03:04:05Z","variables":null}`,
		`{"time":"2025-01-02T03:04:05Z","variables":{}}`,
		`{"time":"2025-01-02T03:04:05Z","variables":[]}`,
		`{"time":"2025-01-02T03:04:05Z","endpo`,
		`{"time":"2025-01-02T03:04:05Z"} {"time":"2025-01-02T03:04:05Z"}`,
		`{"time":"not a time"}`,
		`{"time":"2025-01-02T03:04:05Z","status":"200"}`,
		`{"time":"2025-01-02T03:04:05Z","unknown":{"x":1}}`,
		`{"time":"2025-01-02T03:04:05Z","document":"\ud800 \u2028 \\"}`,
		"{\"time\":\"2025-01-02T03:04:05Z\",\"document\":\"\xff\xfe\"}",
		`{}`, `null`, `[]`, ``, `{`, "\x00", `{"time":"0000-01-01T00:00:00Z"}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		e, err := decodeHistoryLine(line)
		if err != nil {
			return
		}
		if e.Time.IsZero() {
			t.Fatal("accepted a record without a time")
		}
		enc, err := encodeHistoryLine(e)
		if err != nil {
			// Only times outside years 0-9999 cannot be written back, and
			// those cannot be read either.
			t.Fatalf("accepted %q but cannot encode it: %v", line, err)
		}
		again, err := decodeHistoryLine(enc[:len(enc)-1])
		if err != nil {
			t.Fatalf("re-encoded record does not decode: %v\n%s", err, enc)
		}
		if !again.Time.Equal(e.Time) {
			t.Fatalf("time %v became %v", e.Time, again.Time)
		}
		again.Time = e.Time
		if !reflect.DeepEqual(again, e) {
			t.Fatalf("round trip changed the record:\n%#v\n%#v", e, again)
		}
	})
}

// FuzzMaskDocumentLiterals checks the document masking on any text: it never
// panics, a document that parsed still parses, and in a login every string
// literal left is the mask (or the document is dropped).
func FuzzMaskDocumentLiterals(f *testing.F) {
	for _, s := range fixture.GraphQLSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Add(`query { loginUser(email: "a", password: """p""") { id } }`, true)
	f.Add(`""""""""`, true) // a closing run of 5 quotes: gqlparser misreports the end
	f.Add(`mutation($t: String = "x") { a(password: "p", o: {token: ["q", {x: "r"}]}, n: "keep") }`, false)
	f.Fuzz(func(t *testing.T, doc string, login bool) {
		out := maskDocumentLiterals(doc, login)
		if _, err := query.Parse(doc); err == nil {
			if _, err := query.Parse(out); err != nil {
				t.Fatalf("masking broke a valid document: %v\nin:  %q\nout: %q", err, doc, out)
			}
		}
		if !login || out == "" {
			return
		}
		lx := lexer.New(&ast.Source{Input: out})
		for {
			tok, err := lx.ReadToken()
			if err != nil || tok.Kind == lexer.EOF {
				return
			}
			if (tok.Kind == lexer.String || tok.Kind == lexer.BlockString) && tok.Value != query.Mask {
				t.Fatalf("login string %q left unmasked in %q", tok.Value, out)
			}
		}
	})
}
