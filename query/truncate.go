package query

import "unicode/utf8"

// TruncateUTF8 cuts s to at most n bytes without splitting a character,
// marking the cut with "…".
func TruncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
