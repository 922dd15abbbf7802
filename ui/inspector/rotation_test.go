package inspector

import (
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// A rotation the session did not adopt is on the timeline with its reason, and a refused token
// with its diagnosis.
func TestTimelineShowsRotationsNotAdopted(t *testing.T) {
	f, _ := fixture(t)
	f.addEvent(session.Event{Kind: session.RotationIgnored, Time: base.Add(time.Minute), Fingerprint: fpRotated,
		Header: "X-Authorization", ExchangeID: 7, Operation: "Cards",
		Message: "kept the current token; ignored the one in X-Authorization: not newer than the current token"})
	f.addEvent(session.Event{Kind: session.TokenRefused, Time: base.Add(2 * time.Minute), Fingerprint: "5555cccc6666",
		Message: "refused the token in X-Authorization: the token is for subject \"99\", not the logged-in \"42\"",
		Diagnosis: &session.Diagnosis{Cause: session.CauseUntrusted, Summary: "refused a token: the token is for subject \"99\"",
			Action: "kept the current token"}})
	m := newModel(f, 200, 40)
	m, _ = press(t, m, "2")
	view := m.View()
	for _, want := range []string{"not adopted", "not newer than the current token", "token refused", "refused a token: the token is for subject"} {
		if !strings.Contains(view, want) {
			t.Errorf("timeline lacks %q:\n%s", want, view)
		}
	}
}

// A token claiming a lifetime far beyond the login's is flagged on the Token tab.
func TestTokenTabFlagsAFarLongerLifetime(t *testing.T) {
	f, _ := fixture(t)
	tok, _ := f.Token()
	tok.LifetimeFlag = "claims a lifetime of 720h, far beyond the login's 1h: refreshed on the login's schedule"
	f.setToken(tok, true)
	m := newModel(f, 200, 40)
	if view := flatten(m.View()); !strings.Contains(view, "far beyond the login's 1h") {
		t.Fatalf("the Token tab does not flag the lifetime:\n%s", m.View())
	}
}
