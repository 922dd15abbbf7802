package results

import (
	"testing"
)

func TestFormat(t *testing.T) {
	for code, want := range map[int]string{200: "200 OK", 401: "401 Unauthorized", 599: "599"} {
		if got := statusText(code); got != want {
			t.Errorf("statusText(%d) = %q, want %q", code, got, want)
		}
	}
}
