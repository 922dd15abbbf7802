package cli

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// requestHeaders merges the extra headers of a run — profile < saved query < -H — checks them
// and expands their $VAR references. The profile's headers are used only when the request goes
// to the profile's own endpoint: --endpoint elsewhere must not carry them along.
func (c *program) requestHeaders(tgt *target, in runInput, flags []string) (http.Header, error) {
	var merged []headers.Header
	if tgt.profile.Endpoint == "" || tgt.profile.Endpoint == tgt.endpoint {
		merged = tgt.profile.headers()
	}
	if in.headers != "" {
		saved, problems := headers.Parse(in.headers)
		if len(problems) > 0 {
			file := strings.TrimSuffix(in.source, filepath.Ext(in.source)) + ".headers"
			return nil, fmt.Errorf("%s: %s", display.Line(file), problems[0])
		}
		merged = headers.Merge(merged, saved)
	}
	for i, f := range flags {
		h, err := headers.ParseOne(f)
		if err != nil {
			// Named by position and header name only: the value may be a secret.
			label := fmt.Sprintf("-H #%d", i+1)
			if name, _, ok := strings.Cut(f, ":"); ok {
				label += " (" + display.Line(strings.TrimSpace(name)) + ")"
			}
			return nil, fmt.Errorf("%s: %w", label, err)
		}
		merged = headers.Merge(merged, []headers.Header{h})
	}
	expanded, err := headers.Expand(merged, c.lookupEnv)
	if err != nil {
		return nil, err
	}
	h, _ := headers.HTTP(expanded)
	return h, nil
}

// lookupEnv reads an environment variable for header expansion; an empty one counts as unset,
// so a forgotten export is an error rather than an empty header.
func (c *program) lookupEnv(name string) (string, bool) {
	v := c.getenv(name)
	return v, v != ""
}

// operationLabel names an operation in a message: its name, or "(anonymous)".
func operationLabel(op query.Operation) string {
	if op.Name == "" {
		return "(anonymous)"
	}
	return op.Name
}
