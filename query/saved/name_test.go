package saved

import (
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	valid := []string{
		"Cards", "cards list", "get-card_2", "v1.2", "Cards (copy)", "Ünïcödé", "Карты", "カード", "x",
		strings.Repeat("a", MaxNameLen), strings.Repeat("é", MaxNameLen), "trailing.",
	}
	invalid := []string{
		"", ".", "..", ".hidden", "a/b", "/abs", `a\b`, "a..b", "../up", "tab\there", "new\nline",
		"nul\x00", "esc\x1b[2J", "del\x7f", " lead", "trail ", "colon:", "star*", "q?", "quote\"",
		"pipe|", "semi;", "dollar$", "emoji🎁", "bidi\u202eevil", "zero\u200bwidth", "\xff\xfe",
		strings.Repeat("a", MaxNameLen+1),
		strings.Repeat("カ", 67), // 67 characters but 201 bytes: too long a file name
	}
	for _, n := range valid {
		if err := ValidName(n); err != nil {
			t.Errorf("ValidName(%q) = %v, want nil", n, err)
		}
	}
	for _, n := range invalid {
		err := ValidName(n)
		if err == nil {
			t.Errorf("ValidName(%q) = nil, want an error", n)
			continue
		}
		// The message must be printable: it goes straight to the status bar.
		for _, r := range err.Error() {
			if r < 0x20 || r == 0x7f || r == 0x202e {
				t.Errorf("ValidName(%q) message %q holds control character %U", n, err, r)
			}
		}
	}
}

func TestInvalidNamesTouchNothing(t *testing.T) {
	l := newTestLibrary(t)
	for _, n := range []string{"../escape", "a/b", ".hidden"} {
		if _, err := l.Save(n, "{ a }", "", Version{}, true); err == nil {
			t.Errorf("Save(%q) succeeded", n)
		}
	}
	if fileExists(l.Dir()) {
		t.Error("a refused Save created the directory")
	}
}
