package workspace

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

const balanceVars = `{"ref": "` + mockapi.SeedCardPartlyUsed + `"}`

// lastHeaders are the headers of the last request the fake received.
func (f *fixture) lastHeaders(t *testing.T) map[string]string {
	t.Helper()
	got := f.api.Received()
	if len(got) == 0 {
		t.Fatal("the fake received nothing")
	}
	out := map[string]string{}
	for k := range got[len(got)-1].Header {
		out[k] = got[len(got)-1].Header.Get(k)
	}
	return out
}

func TestHeadersPaneIsSentOverTheProfile(t *testing.T) {
	f := newFixture(t)
	profile, _ := headers.FromMap(map[string]string{"X-Tenant": "profile", "X-Region": "eu"})
	env := map[string]string{"TOGGLE_KEY": "k-42"}
	m := f.workspace(Options{Query: balanceQuery, Variables: balanceVars,
		Headers:   "# pane headers\nx-tenant: pane\nX-Api-Key: ${TOGGLE_KEY}\n",
		Profile:   Profile{Name: "staging", Endpoint: testEndpoint, Headers: profile},
		LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m, _ = m.Update(finished(t, cmd))
	got := f.lastHeaders(t)
	for name, want := range map[string]string{"X-Tenant": "pane", "X-Region": "eu", "X-Api-Key": "k-42"} {
		if got[name] != want {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
	if !strings.HasPrefix(got["Authorization"], "Bearer ") {
		t.Errorf("the session's token was not sent: %q", got["Authorization"])
	}
}

func TestHeaderProblemsAreShownAndNothingIsSent(t *testing.T) {
	f := newFixture(t)
	for name, text := range map[string]string{
		"authorization":  "X-A: 1\nAuthorization: Bearer mine\n",
		"no colon":       "X-A 1\n",
		"unset variable": "X-A: $SURELY_NOT_SET_ANYWHERE_42\n",
	} {
		t.Run(name, func(t *testing.T) {
			m := f.workspace(Options{Query: balanceQuery, Variables: balanceVars, Headers: text,
				LookupEnv: func(string) (string, bool) { return "", false }})
			before := f.requests()
			m, cmd := m.Update(uitest.Key("ctrl+r"))
			if cmd != nil || m.Running() || f.requests() != before {
				t.Fatal("a request went out with bad headers")
			}
			doc := shown(t, m)
			if !strings.Contains(doc.Meta().Notice, "Not sent") {
				t.Fatalf("notice = %q", doc.Meta().Notice)
			}
		})
	}
	// The pane's title names the first problem with its line as the user types.
	m := f.workspace(Options{Query: balanceQuery})
	m.SetHeaders("X-A: 1\n\nbroken\n")
	if title := m.headersTitle(); !strings.Contains(title, "line 3:") {
		t.Fatalf("title = %q", title)
	}
	m.SetHeaders("X-A: 1\n")
	if title := m.headersTitle(); title != "Headers" {
		t.Fatalf("title after the fix = %q", title)
	}
}

func TestProtectedMutationWaitsForConfirmation(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{
		Query:     "mutation Redeem($ref: String!) { createBalanceAdjustment(card_reference: $ref, value: -100, currency: \"GBP\", merchant_id: 26, unit_epos_reference: \"TILL-1\") { id } }",
		Variables: `{"ref": "` + mockapi.SeedCardFresh + `", "password": "hunter2"}`,
		Profile:   Profile{Name: "production", Endpoint: testEndpoint, Protected: true}})
	before := f.requests()
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	msgs := uitest.Messages(cmd)
	if len(msgs) != 1 || m.Running() || f.requests() != before {
		t.Fatalf("ctrl+r sent or started something: %v", msgs)
	}
	ask, ok := msgs[0].(ConfirmMutationMsg)
	if !ok || ask.Profile != "production" || ask.Operation != "Redeem" || ask.Endpoint != testEndpoint ||
		!strings.Contains(ask.Variables, mockapi.SeedCardFresh) {
		t.Fatalf("confirmation = %+v", msgs[0])
	}
	m, cmd = m.RunConfirmed()
	if !m.Running() {
		t.Fatal("RunConfirmed did not send")
	}
	m, _ = m.Update(finished(t, cmd))
	if f.requests() != before+1 {
		t.Fatalf("%d requests, want 1", f.requests()-before)
	}
	// The confirmation is for one run only.
	if _, cmd = m.Update(uitest.Key("ctrl+r")); len(uitest.Messages(cmd)) != 1 {
		t.Fatal("a second run did not ask again")
	}
	if _, ok := uitest.Messages(cmd)[0].(ConfirmMutationMsg); !ok {
		t.Fatal("a second run did not ask again")
	}
}

func TestProfileDefaultVariablesSitUnderThePane(t *testing.T) {
	f := newFixture(t)
	profile := Profile{Name: "staging", Endpoint: testEndpoint,
		Variables: map[string]any{"ref": mockapi.SeedCardPartlyUsed, "unused": 1}}
	m := f.workspace(Options{Query: balanceQuery, Profile: profile})
	m, cmd := m.Update(uitest.Key("ctrl+r"))
	m, _ = m.Update(finished(t, cmd))
	if body := string(shown(t, m).Bytes()); !strings.Contains(body, `"balance": 3250`) {
		t.Fatalf("the profile's default was not used: %s", body)
	}
	m = f.workspace(Options{Query: balanceQuery, Profile: profile,
		Variables: `{"ref": "` + mockapi.SeedCardEmpty + `"}`})
	m, cmd = m.Update(uitest.Key("ctrl+r"))
	m, _ = m.Update(finished(t, cmd))
	if body := string(shown(t, m).Bytes()); !strings.Contains(body, mockapi.SeedCardEmpty) {
		t.Fatalf("the pane's variable did not win over the profile's: %s", body)
	}
}

func TestHeadersSurviveSnapshotAndRestore(t *testing.T) {
	f := newFixture(t)
	m := f.workspace(Options{Query: balanceQuery, Headers: "X-Tenant: saved\n"})
	m, _ = m.Update(uitest.Key("tab"))
	m, _ = m.Update(uitest.Key("tab"))
	m, _ = m.Update(uitest.Key("end"))
	m, _ = m.Update(uitest.Key("x"))
	if !m.Modified() {
		t.Fatal("typing in the headers pane is not an unsaved change")
	}
	snap := m.Snapshot()
	if snap.Headers != "X-Tenant: savedx\n" || snap.BaseHeaders == nil || *snap.BaseHeaders != "X-Tenant: saved\n" || snap.Focus != "headers" {
		t.Fatalf("snapshot = %+v", snap)
	}
	r := f.workspace(Options{})
	r.Restore(snap, m.SavedVersion())
	if r.Headers() != "X-Tenant: savedx\n" || r.Focused() != PaneHeaders || !r.Modified() {
		t.Fatalf("restored headers %q, focus %v, modified %v", r.Headers(), r.Focused(), r.Modified())
	}
	// Undo goes back to the base text, as for the other panes.
	r, _ = r.Update(uitest.Key("ctrl+z"))
	if r.Headers() != "X-Tenant: saved\n" {
		t.Fatalf("undo after restore: %q", r.Headers())
	}
}
