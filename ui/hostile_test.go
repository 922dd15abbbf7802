package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/mockapi/hostile"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// TestHostileServerNeverReachesTheScreen logs in to a server that answers with escape sequences
// in every field (a refused login's message, the token's subject and claims, error messages,
// paths, validation keys and messages, non-JSON and invalid-JSON bodies, raw C1 and bidi inside
// JSON strings) and looks at every view: login, workspace and results, status bar and notices,
// the inspector's pages, history, docs, help. No raw control or bidi character may reach any of them.
func TestHostileServerNeverReachesTheScreen(t *testing.T) {
	for _, q := range []string{hostile.QueryErrors, hostile.QueryNonJSON, hostile.QueryInvalid, hostile.QueryData} {
		t.Run(q, func(t *testing.T) {
			f := newFixture(t, hostile.Password)
			handler := hostile.Handler(f.clock.Now)
			connect := func(endpoint string) (*session.Session, error) {
				s, err := session.New(session.Config{Endpoint: endpoint, Clock: f.clock,
					BaseTransport: uitest.HandlerTransport{Handler: handler}})
				if err == nil {
					f.mu.Lock()
					f.sessions = append(f.sessions, s)
					f.mu.Unlock()
				}
				return s, err
			}
			// The history file is text from disk: a tampered entry holds the payload everywhere.
			hist := history.New(filepath.Join(t.TempDir(), "history.jsonl"), 0)
			if err := hist.Append(history.Entry{Endpoint: hostile.Payload, Operation: hostile.Payload, OperationKind: "query",
				Document: "{ a(s: \"" + hostile.Payload + "\") }", Variables: map[string]any{hostile.Payload: hostile.Payload},
				Outcome: hostile.Payload, ErrorSummary: hostile.Payload, TokenFingerprint: hostile.Payload}); err != nil {
				t.Fatal(err)
			}
			opts := Options{
				Login:       login.Options{Endpoint: testEndpoint, Identity: "demo", Password: "wrong"},
				Workspace:   workspace.Options{Query: q},
				Connect:     connect,
				History:     hist,
				Now:         f.clock.Now(),
				DisableTick: true,
			}
			d := newDriver(t, f, opts, 120, 40)
			look := func(where string) {
				t.Helper()
				for _, size := range [][2]int{{120, 40}, {80, 24}} {
					d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					assertCleanView(t, where, d.m.View())
				}
			}

			d.login() // refused with the payload as the message
			if d.m.Screen() != "login" {
				t.Fatal("the wrong password was accepted")
			}
			look("refused login")
			// The views above must have had something to escape: the refusal is on screen.
			if !strings.Contains(d.m.View(), `\x1b]0;pwned`) {
				t.Fatalf("the refusal is not shown escaped:\n%s", d.m.View())
			}
			for range len("wrong") {
				d.send(tea.KeyMsg{Type: tea.KeyBackspace})
			}
			d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(hostile.Password)})
			d.login()
			if d.m.Screen() != "workspace" {
				t.Fatalf("not logged in:\n%s", d.m.View())
			}
			look("after login")
			d.run()
			look("result")
			d.send(uitest.Key("tab"))
			d.send(uitest.Key("tab"))
			for _, k := range []string{"e", "/", "T"} {
				d.send(uitest.Key(k))
			}
			look("results search")
			d.send(uitest.Key("esc"))

			d.send(uitest.Key("f2"))
			look("inspector token")
			if !strings.Contains(d.m.View(), `T\x1b]0;pwned`) {
				t.Fatalf("the token's hostile subject is not shown escaped:\n%s", d.m.View())
			}
			for _, keys := range [][]string{{"2"}, {"2", "enter"}, {"3"}, {"3", "enter"}} {
				for _, k := range keys {
					d.send(uitest.Key(k))
				}
				look("inspector " + strings.Join(keys, " "))
				d.send(uitest.Key("esc"))
			}
			closeOverlay := func(title string) {
				t.Helper()
				for range 4 {
					if !strings.Contains(d.m.View(), title) {
						return
					}
					// A pane asks the root to close it with a message: deliver it.
					for _, msg := range uitest.Messages(d.send(uitest.Key("esc"))) {
						d.send(msg)
					}
				}
				t.Fatalf("esc does not close %s:\n%s", title, d.m.View())
			}
			closeOverlay("Auth inspector")
			for _, msg := range uitest.Messages(d.send(uitest.Key("f4"))) {
				d.send(msg)
			}
			if !strings.Contains(d.m.View(), "History") || !strings.Contains(d.m.View(), `\x1b]0;pwned`) {
				t.Fatalf("f4 shows no history, or not the tampered entry escaped:\n%s", d.m.View())
			}
			look("history")
			closeOverlay("History")
			d.send(uitest.Key("f3"))
			if !strings.Contains(d.m.View(), "Schema docs") {
				t.Fatalf("f3 shows no docs:\n%s", d.m.View())
			}
			look("docs")
			closeOverlay("Schema docs")
			d.send(uitest.Key("f1"))
			look("help")
		})
	}
}

func assertCleanView(t *testing.T, where, view string) {
	t.Helper()
	if i := display.Unsafe(view, false); i >= 0 {
		lo, hi := max(0, i-40), min(len(view), i+40)
		t.Fatalf("%s: raw unsafe byte at %d: %q", where, i, view[lo:hi])
	}
}
