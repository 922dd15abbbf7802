package inspector

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Reliability property 20: no view shows the token (or the login password) unless the user
// revealed it, and the messages the inspector emits never carry it either.
func TestCanaryAbsentUntilRevealed(t *testing.T) {
	states := [][]string{
		nil, {"2"}, {"3"}, {"3", "enter"}, {"3", "j", "j", "enter"}, {"3", "end", "enter"}, {"3", "end", "enter", "end"},
		{"3", "d"}, {"2", "enter"}, {"2", "end", "enter"}, {"L"}, {"3", "C"}, {"c"}, {"w"}, {"ctrl+f"},
		{"r", "r"}, {"r", "2"}, {"r", "3", "1"}, {"p"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {300, 80}} {
		for _, keys := range states {
			f, raw := fixture(t)
			m, msgs := press(t, newModel(f, size[0], size[1]), keys...)
			assertNoSecret(t, fmt.Sprintf("%dx%d %v", size[0], size[1], keys), m.View(), raw)
			for _, msg := range msgs {
				assertNoSecret(t, fmt.Sprintf("message %T after %v", msg, keys), fmt.Sprintf("%v %+v %#v", msg, msg, msg), raw)
			}
		}
	}
}

// The paste input echoes bullets, and the message that carries the pasted token prints without
// it, whatever the verb.
func TestCanaryPasteMasked(t *testing.T) {
	f, raw := fixture(t)
	m := newModel(f, 300, 40)
	m, _ = press(t, m, "p", raw)
	assertNoSecret(t, "paste input", m.View(), raw)
	_, msgs := press(t, m, "enter")
	if len(msgs) != 1 {
		t.Fatalf("msgs = %v", msgs)
	}
	if msg, ok := msgs[0].(UseTokenMsg); !ok || msg.Raw != raw {
		t.Fatalf("the pasted token did not reach the message")
	}
	assertNoSecret(t, "UseTokenMsg", fmt.Sprint(msgs[0])+fmt.Sprintf("%v %+v %#v %s %q %x", msgs[0], msgs[0], msgs[0], msgs[0], msgs[0], msgs[0]), raw)
}

// The reveal puts the token on screen (wrapped at narrow widths) and nowhere else.
func TestCanaryRevealShowsToken(t *testing.T) {
	for _, w := range []int{80, 300} {
		f, raw := fixture(t)
		m, msgs := press(t, newModel(f, w, 60), "r")
		if len(msgs) != 0 {
			t.Fatalf("reveal sent %v", msgs)
		}
		if !strings.Contains(flatten(m.View()), raw) {
			t.Fatalf("%d columns: revealed view lacks the token:\n%s", w, m.View())
		}
	}
}

// Copy as curl: redacted unless the user confirmed, and the file is private.
func TestCanaryCurl(t *testing.T) {
	f, raw := fixture(t)
	text, err := CurlText(f, CopyCurlMsg{ExchangeID: 4})
	if err != nil {
		t.Fatal(err)
	}
	assertNoSecret(t, "redacted curl", text, raw)
	if !strings.Contains(text, "$TOGGLE_TOKEN") {
		t.Fatalf("redacted curl has no placeholder:\n%s", text)
	}
	text, err = CurlText(f, CopyCurlMsg{ExchangeID: 4, Reveal: true})
	if err != nil || strings.Count(text, raw) != 1 {
		t.Fatalf("revealed curl holds the token %d times (err %v)", strings.Count(text, raw), err)
	}
	login, err := CurlText(f, CopyCurlMsg{ExchangeID: 1, Reveal: true})
	if err != nil || strings.Contains(login, passwordCanary) || !strings.Contains(login, "<masked>") {
		t.Fatalf("login curl: err %v\n%s", err, login)
	}
	if _, err := CurlText(f, CopyCurlMsg{ExchangeID: 99}); err == nil {
		t.Fatal("no error for a request not in the log")
	}

	dir := filepath.Join(t.TempDir(), "exports")
	msg := CopyCurl(f, CopyCurlMsg{ExchangeID: 4, ToFile: true}, dir)()
	copied, ok := msg.(CopiedMsg)
	if !ok || copied.Err != nil {
		t.Fatalf("CopyCurl to file: %#v", msg)
	}
	data, err := os.ReadFile(copied.Where)
	if err != nil {
		t.Fatal(err)
	}
	assertNoSecret(t, "curl file", string(data), raw)
	for path, want := range map[string]os.FileMode{dir: 0o700, copied.Where: 0o600} {
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (err %v), want %v", path, st.Mode().Perm(), err, want)
		}
	}
	if m := CopyCurl(f, CopyCurlMsg{ExchangeID: 99}, dir)(); m.(CopiedMsg).Err == nil {
		t.Error("CopyCurl of a missing request reported success")
	}
}

// assertNoSecret fails if the token (any form, even wrapped over lines) or the password appears.
func assertNoSecret(t *testing.T, what, text, raw string) {
	t.Helper()
	flat := flatten(text)
	for _, s := range append(secretForms(raw), passwordCanary) {
		if strings.Contains(text, s) || strings.Contains(flat, s) {
			t.Errorf("%s: secret %.10s… is visible", what, s)
		}
	}
}
