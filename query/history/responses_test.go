package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/query"
)

const testJWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"

// An entry's body is kept beside the history, private, in its own key order with its numbers
// exactly as sent, and with every secret-looking value and JWT masked.
func TestResponseIsKeptMaskedAndPrivate(t *testing.T) {
	h := newTestHistory(t, 0)
	e := numbered(1)
	e.Body = []byte(`{"data":{"zeta":6301190010000000002,"alpha":"<b>&</b>","refreshToken":{"value":"x"},` +
		`"note":"Bearer ` + testJWT + `","list":[1.50,true,null,{"password":"p","ok":[]}]}}`)
	mustAppend(t, h, e)
	entries, _ := mustLoadHistory(t, h, 0)
	if len(entries) != 1 || entries[0].Response == "" {
		t.Fatalf("no response recorded: %+v", entries)
	}
	body, err := h.Response(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"zeta":6301190010000000002,"alpha":"<b>&</b>","refreshToken":"•••",` +
		`"note":"•••","list":[1.50,true,null,{"password":"•••","ok":[]}]}}`
	if string(body) != want {
		t.Errorf("kept body\n%s\nwant\n%s", body, want)
	}
	info, err := os.Stat(filepath.Join(h.ResponsesDir(), entries[0].Response))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	line, err := os.ReadFile(h.Path())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(line), "zeta") {
		t.Errorf("the body went into the history line: %s", line)
	}
}

// A login's answer is its token: it is never kept, whatever the body holds.
func TestLoginResponseIsNeverKept(t *testing.T) {
	h := newTestHistory(t, 0)
	e := numbered(1)
	e.Document = `query { loginUser(email: "a", password: "p") { token } }`
	e.Body = []byte(`{"data":{"loginUser":{"t":"opaque"}}}`)
	mustAppend(t, h, e)
	entries, _ := mustLoadHistory(t, h, 0)
	if entries[0].Response != "" {
		t.Errorf("login response kept as %q", entries[0].Response)
	}
	if _, err := os.Stat(h.ResponsesDir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("responses directory exists after a login: %v", err)
	}
}

// Bodies over the size bound and bodies that are not JSON are not kept; when the kept bodies pass
// the budget the oldest go first, and asking for one gives ErrNoResponse.
func TestResponsesAreBoundedOldestDroppedFirst(t *testing.T) {
	h := newTestHistory(t, 0).WithResponseBounds(100, 260)
	for i := range 5 {
		e := numbered(i)
		e.Body = fmt.Appendf(nil, `{"data":{"n":%d,"pad":"%s"}}`, i, strings.Repeat("x", 60))
		mustAppend(t, h, e)
	}
	big := numbered(5)
	big.Body = fmt.Appendf(nil, `{"pad":"%s"}`, strings.Repeat("y", 200))
	mustAppend(t, h, big)
	html := numbered(6)
	html.Body = []byte("<html>502</html>")
	mustAppend(t, h, html)

	entries, _ := mustLoadHistory(t, h, 0) // newest first: 6, 5, 4, 3, 2, 1, 0
	if entries[0].Response != "" || entries[1].Response != "" {
		t.Errorf("kept a body that is not JSON or too large: %q, %q", entries[0].Response, entries[1].Response)
	}
	var kept []int
	for _, e := range entries[2:] {
		body, err := h.Response(e)
		switch {
		case err == nil:
			kept = append(kept, opIndex(t, e))
			if !strings.Contains(string(body), fmt.Sprintf(`"n":%d`, opIndex(t, e))) {
				t.Errorf("entry %d got body %s", opIndex(t, e), body)
			}
		case !errors.Is(err, ErrNoResponse):
			t.Errorf("entry %d: %v", opIndex(t, e), err)
		}
	}
	if fmt.Sprint(kept) != "[4 3 2]" {
		t.Errorf("kept the bodies of %v, want the newest three that fit 260 bytes (85 each)", kept)
	}
	if _, err := h.Response(entries[0]); !errors.Is(err, ErrNoResponse) {
		t.Errorf("an entry without a body: %v", err)
	}
}

// The reference comes from a file anyone may edit: it is a name, never a path.
func TestResponseRefusesAPath(t *testing.T) {
	h := newTestHistory(t, 0)
	for _, ref := range []string{"../history.jsonl", "/etc/passwd", "0000000000000000001-0000000g.json", "x.json"} {
		if _, err := h.Response(Entry{Response: ref}); err == nil || errors.Is(err, ErrNoResponse) {
			t.Errorf("%q: %v", ref, err)
		}
	}
}

// FuzzMaskResponse: masking any body never panics; what it accepts is one valid JSON value with
// no JWT left, and every valid JSON value is accepted.
func FuzzMaskResponse(f *testing.F) {
	for _, s := range []string{`{"data":{"a":1}}`, `[1,"` + testJWT + `"]`, `{"token":{"a":[1,2]},"b":"c"}`, `"x"`, `1 2`,
		`{"a":}`, `{"a":1`, `null`, `{"\u0041":"\ud800"}`, `{"a":{"b":{"c":[[[]]]}}}`, ``, `{} `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		out, ok := maskResponse(body)
		if !ok {
			if json.Valid(body) {
				t.Fatalf("refused valid JSON %q", body)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("%q masked to invalid JSON %q", body, out)
		}
		if !json.Valid(body) {
			t.Fatalf("accepted invalid JSON %q", body)
		}
		var v any
		_ = json.Unmarshal(out, &v)
		checkMasked(t, v)
	})
}

// checkMasked fails when a decoded value holds a JWT or an unmasked secret key.
func checkMasked(t *testing.T, v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, vv := range x {
			if query.IsSecretKey(k) && vv != query.Mask {
				t.Fatalf("secret key %q kept %v", k, vv)
			}
			checkMasked(t, vv)
		}
	case []any:
		for _, vv := range x {
			checkMasked(t, vv)
		}
	case string:
		if holdsJWT(x) {
			t.Fatalf("JWT left in %q", x)
		}
	}
}
