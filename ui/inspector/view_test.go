package inspector

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/toggle-explorer/toggle-explorer/session"
)

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"token_80x24", 80, 24, nil},
		{"token_120x40", 120, 40, nil},
		{"timeline_80x24", 80, 24, []string{"2"}},
		{"timeline_120x40", 120, 40, []string{"2"}},
		{"requests_80x24", 80, 24, []string{"3"}},
		{"requests_120x40", 120, 40, []string{"3"}},
		{"request_detail_80x24", 80, 24, []string{"3", "j", "j", "enter"}},
		{"request_detail_120x40_scrolled", 120, 40, []string{"3", "j", "j", "enter", "pgdown"}},
		{"diff_80x24", 80, 24, []string{"3", "d"}},
		{"diff_120x40", 120, 40, []string{"3", "d"}},
		{"event_detail_80x24", 80, 24, []string{"2", "j", "j", "enter"}},
		{"confirm_curl_token_80x24", 80, 24, []string{"3", "C"}},
		{"paste_80x24", 80, 24, []string{"p", "abc"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, _ := fixture(t)
			m, _ := press(t, newModel(f, c.w, c.h), c.keys...)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

func TestViewNoToken(t *testing.T) {
	f := &fakeSource{creds: false}
	m := newModel(f, 80, 24)
	view := m.View()
	if !strings.Contains(view, "No token.") || !strings.Contains(view, "paste a token") {
		t.Fatalf("no-token view:\n%s", view)
	}
	for _, tab := range []string{"2", "3"} {
		m, _ = press(t, m, tab)
		if !strings.Contains(m.View(), "yet.") {
			t.Errorf("tab %s with nothing to show:\n%s", tab, m.View())
		}
	}
}

func TestViewExpiredToken(t *testing.T) {
	f, _ := fixture(t)
	m := newModel(f, 80, 24)
	m.ctx.Now = base.Add(2 * time.Hour)
	view := m.View()
	if !strings.Contains(view, "✗ expired 50m ago") || !strings.Contains(view, "expired · lifetime 1h") || strings.Contains(view, "█") {
		t.Fatalf("expired token view:\n%s", view)
	}
}

// Server text carrying a clear-screen, an OSC 52 clipboard write and an 8-bit CSI must reach the
// screen as visible text wherever it appears: bodies, headers, errors, diagnoses, event messages.
func TestViewEscapesServerText(t *testing.T) {
	const hostile = "boom\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\u009b31m\u202eevil"
	f, _ := fixture(t)
	f.add(session.Exchange{ID: 7, Operation: "Cards" + hostile, Method: "POST", URL: endpoint, Status: 502,
		Started: base.Add(12 * time.Minute), Err: "read: " + hostile,
		ResponseHeader: http.Header{"X-Note": {hostile}}, ResponseBody: []byte("<html>" + hostile + "\n</html>")})
	f.addEvent(session.Event{Kind: session.GaveUp, Time: base.Add(12 * time.Minute), ExchangeID: 7, Operation: hostile, Header: hostile,
		Message: hostile, Diagnosis: &session.Diagnosis{Summary: "login refused: " + hostile, Detail: hostile, Action: hostile}})
	f.tok.Claims = map[string]any{"sub": hostile, hostile: 1}
	f.tok.Source = hostile
	m := newModel(f, 200, 60)
	views := map[string]string{"token": m.View()}
	for name, keys := range map[string][]string{
		"timeline": {"2"}, "event": {"2", "enter"}, "requests": {"3"}, "request": {"3", "enter"},
	} {
		v, _ := press(t, m, keys...)
		views[name] = v.View()
	}
	for name, v := range views {
		if i := display.Unsafe(v, false); i >= 0 {
			t.Errorf("%s view carries a raw control or bidi character at %d: %q", name, i, v)
		}
		if !strings.Contains(v, `boom\x1b[2J`) {
			t.Errorf("%s view does not show the escaped text", name)
		}
	}
}
