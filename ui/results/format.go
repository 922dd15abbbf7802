package results

import (
	"net/http"
	"strconv"
)

// statusText formats an HTTP status: "200 OK", or just the code when the
// standard library does not know it.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strconv.Itoa(code) + " " + t
	}
	return strconv.Itoa(code)
}

// plural returns "1 error" / "3 errors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
