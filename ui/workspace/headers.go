package workspace

import (
	"os"

	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
)

// Profile is what the workspace needs to know about the environment it sends to: its name (for
// the protected-mutation confirmation), its endpoint, default headers and variables, and whether
// mutations there must be confirmed.
type Profile struct {
	// Name is the profile's name in config.toml ("" when none is in use).
	Name string
	// Endpoint is where the requests go.
	Endpoint string
	// Headers are the profile's headers, sent under the pane's.
	Headers []headers.Header
	// Variables are default variables, merged under the pane's.
	Variables map[string]any
	// Protected asks the user to type Name before a mutation is sent.
	Protected bool
}

// newHeadersEditor is the headers pane: plain `Name: value` lines.
func newHeadersEditor(st editor.Styles) editor.Model {
	return editor.New(editor.Options{
		Placeholder: "Name: value ($VAR)",
		Styles:      st,
	})
}

// Headers returns the headers pane's text, for saving with the query (NAME.headers) and for
// restoring a tab.
func (m Model) Headers() string { return m.hdrs.Value() }

// SetHeaders replaces the headers pane's text (a saved query's headers, a restored tab) and
// checks it; the text then counts as unmodified.
func (m *Model) SetHeaders(text string) {
	m.hdrs = m.hdrs.SetValue(text)
	m.base.headers = text
	m.checkHeaders()
}

// SetProfile tells the workspace which profile it sends to (after a switch of environment).
func (m *Model) SetProfile(p Profile) { m.profile = p }

// Profile returns the profile in use.
func (m Model) Profile() Profile { return m.profile }

// checkHeaders parses the headers as the user types and underlines each problem on its line.
func (m *Model) checkHeaders() {
	_, problems := headers.Parse(m.hdrs.Value())
	m.hdrsProblem = ""
	diags := make([]editor.Diagnostic, 0, len(problems))
	for _, p := range problems {
		diags = append(diags, editor.Diagnostic{Line: p.Line, Column: 1, Message: p.Message})
	}
	if len(problems) > 0 {
		m.hdrsProblem = problems[0].String()
		if len(problems) > 1 {
			m.hdrsProblem += " (+" + problems1(len(problems)-1) + ")"
		}
	}
	m.hdrs = m.hdrs.SetDiagnostics(diags)
}

func problems1(n int) string {
	if n == 1 {
		return "1 more"
	}
	return itoa(n) + " more"
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// requestHeaders merges the profile's headers under the pane's and expands $VAR references. A
// problem comes back as the results document saying why nothing was sent.
func (m Model) requestHeaders() ([]headers.Header, *results.Document) {
	pane, problems := headers.Parse(m.hdrs.Value())
	if len(problems) > 0 {
		items := make([]results.ErrorItem, len(problems))
		for i, p := range problems {
			items[i] = results.ErrorItem{Message: "headers " + p.String()}
		}
		return nil, notSent("the headers have problems", items...)
	}
	lookup := m.lookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	expanded, err := headers.Expand(headers.Merge(m.profile.Headers, pane), lookup)
	if err != nil {
		return nil, notSent(err.Error())
	}
	return expanded, nil
}

func (m Model) headersTitle() string {
	if m.hdrsProblem != "" {
		return "Headers ✗ " + m.hdrsProblem
	}
	if n := len(m.profile.Headers); n > 0 && m.profile.Name != "" {
		return "Headers (+" + itoa(n) + " from " + display.Line(m.profile.Name) + ")"
	}
	return "Headers"
}
