package workspace

import (
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestFirstOperationName(t *testing.T) {
	for text, want := range map[string]string{
		"query Balance($ref: String!) { a }":                  "Balance",
		"# query Commented { a }\nmutation Redeem { b }":      "Redeem",
		"fragment F on Card { id }\n\nquery  Spaced { ...F }": "Spaced",
		"{ Products { id } }\nquery Later { a }":              "",
		"query ($a: Int) { a }\nquery Later { a }":            "",
		"query{ a }":              "",
		"":                        "",
		"subscription_like { a }": "",
	} {
		if got := firstOperationName(strings.Lines(text)); got != want {
			t.Errorf("firstOperationName(%q) = %q, want %q", text, got, want)
		}
	}
}

// The tab bar names every tab on every frame: a long document must not make that slow.
func BenchmarkTitleLongDocument(b *testing.B) {
	m := New(uitest.NewContext(time.Time{}), nil, Options{Query: "# a comment first\nquery Long {\n" + strings.Repeat("  field { sub }\n", 20000) + "}\n"})
	for b.Loop() {
		if m.Title() != "Long" {
			b.Fatal("wrong name")
		}
	}
}
