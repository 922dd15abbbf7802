package inspector

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	// Goldens must not depend on the terminal or the time zone of the machine running them.
	lipgloss.SetColorProfile(termenv.Ascii)
	time.Local = time.UTC
	os.Exit(m.Run())
}

// base is the fixture's login time; the view's clock stands 20 minutes later.
var base = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

const (
	passwordCanary = "pw-CANARY-5d1e0a77"
	fpFirst        = "1111aaaa2222"
	fpRotated      = "3333bbbb4444"
	endpoint       = "http://127.0.0.1:8080/graphql"
)

// canaryJWT is a fixed, well-formed JWT (the signature is text, never checked) so fingerprints
// and goldens are stable. Its segments are what the canary tests look for.
func canaryJWT(iat time.Time) string {
	enc := base64.RawURLEncoding
	h, _ := json.Marshal(map[string]any{"alg": "HS256", "typ": "JWT"})
	p, _ := json.Marshal(map[string]any{"sub": "42", "iat": iat.Unix(), "exp": iat.Add(time.Hour).Unix(), "jti": "jti-77"})
	return enc.EncodeToString(h) + "." + enc.EncodeToString(p) + "." + enc.EncodeToString([]byte("SIGNATURE-CANARY-0123456789abcdef"))
}

// fakeSource is a Source with fixed contents.
type fakeSource struct {
	tok       session.Token
	has       bool
	events    []session.Event
	exchanges []session.Exchange
	creds     bool
}

func (f *fakeSource) Token() (session.Token, bool)      { return f.tok, f.has }
func (f *fakeSource) Timeline() []session.Event         { return f.events }
func (f *fakeSource) Exchanges() []session.Exchange     { return f.exchanges }
func (f *fakeSource) Endpoint() string                  { return endpoint }
func (f *fakeSource) HasCredentials() bool              { return f.creds }
func (f *fakeSource) add(x session.Exchange)            { f.exchanges = append(f.exchanges, x) }
func (f *fakeSource) addEvent(e session.Event)          { f.events = append(f.events, e) }
func (f *fakeSource) setToken(t session.Token, ok bool) { f.tok, f.has = t, ok }

// fixture is a session story: login, a query, a rotation, a revocation answered Unauthorized,
// a re-login and the replay. The current token (after the re-login) is the canary.
func fixture(t testing.TB) (*fakeSource, string) {
	t.Helper()
	raw := canaryJWT(base.Add(10 * time.Minute))
	tok, err := session.ParseToken(raw, base.Add(10*time.Minute), "re-login X-Authorization")
	if err != nil {
		t.Fatal(err)
	}
	date := func(at time.Time) http.Header {
		return http.Header{"Date": {at.Add(2 * time.Second).Format(http.TimeFormat)}, "Content-Type": {"application/json"}}
	}
	withAuth := func(h http.Header, name, value string) http.Header {
		h = h.Clone()
		h.Set(name, value)
		return session.RedactHeader(h)
	}
	loginBody := session.MaskRequestBody([]byte(`{"query":"mutation Login($username: String, $password: String!) { loginUser(username: $username, password: $password) { id } }","variables":{"username":"demo","password":"`+passwordCanary+`"},"operationName":"Login"}`), true)
	cards := []byte(`{"query":"query Cards { Cards(limit: 1) { total } }","variables":{"limit":1},"operationName":"Cards"}`)
	reqHeader := func(fp string) http.Header {
		return http.Header{"Authorization": {"Bearer <redacted fp:" + fp + ">"}, "Accept": {"application/json; charset=utf-8"}, "Content-Type": {"application/json"}}
	}
	ok := []byte(`{"data":{"Cards":{"total":3}},"extensions":{"cost":{"requestedQueryCost":2,"actualQueryCost":2}}}`)
	unauth := []byte(`{"errors":[{"message":"Unauthorized"}],"data":null}`)
	at := func(min int) time.Time { return base.Add(time.Duration(min) * time.Minute) }

	diag := &session.Diagnosis{
		Cause: session.CauseRejectedWhileValid, SentFingerprint: fpRotated, ValidFor: 56 * time.Minute,
		Summary: "token rejected although valid for 56m more: revoked, another environment, or the server's signing key changed",
		Detail:  "token fp:" + fpRotated + "; expires 2026-03-01T13:06:00Z; local clock 2026-03-01T12:10:00Z", Action: "re-logged in and replayed",
		ServerMessage: "Unauthorized",
	}
	f := &fakeSource{tok: tok, has: true, creds: true}
	f.add(session.Exchange{ID: 1, Operation: "loginUser", Method: "POST", URL: endpoint, Status: 200, Started: at(0), Duration: 85 * time.Millisecond,
		RequestHeader: http.Header{"Content-Type": {"application/json"}}, RequestBody: loginBody,
		ResponseHeader: withAuth(date(at(0)), "X-Authorization", "first-token"), ResponseBody: []byte(`{"data":{"loginUser":{"id":"42"}}}`), Size: 34,
		ReceivedFingerprint: fpFirst})
	f.add(session.Exchange{ID: 2, Operation: "Cards", Method: "POST", URL: endpoint, Status: 200, Started: at(1), Duration: 43 * time.Millisecond,
		RequestHeader: reqHeader(fpFirst), RequestBody: cards, ResponseHeader: date(at(1)), ResponseBody: ok, Size: int64(len(ok)), SentFingerprint: fpFirst})
	f.add(session.Exchange{ID: 3, Operation: "Cards", Method: "POST", URL: endpoint, Status: 200, Started: at(6), Duration: 51 * time.Millisecond,
		RequestHeader: reqHeader(fpFirst), RequestBody: cards, ResponseHeader: withAuth(date(at(6)), "X-Authorization", "rotated-token"),
		ResponseBody: ok, Size: int64(len(ok)), SentFingerprint: fpFirst, ReceivedFingerprint: fpRotated})
	f.add(session.Exchange{ID: 4, Operation: "Cards", Method: "POST", URL: endpoint, Status: 200, Started: at(10), Duration: 12 * time.Millisecond,
		RequestHeader: reqHeader(fpRotated), RequestBody: cards, ResponseHeader: date(at(10)), ResponseBody: unauth, Size: int64(len(unauth)), SentFingerprint: fpRotated})
	f.add(session.Exchange{ID: 5, Operation: "loginUser", Method: "POST", URL: endpoint, Status: 200, Started: at(10), Duration: 80 * time.Millisecond,
		RequestHeader: http.Header{"Content-Type": {"application/json"}}, RequestBody: loginBody,
		ResponseHeader: withAuth(date(at(10)), "X-Authorization", raw), ResponseBody: []byte(`{"data":{"loginUser":{"id":"42"}}}`), Size: 34,
		ReceivedFingerprint: tok.Fingerprint})
	f.add(session.Exchange{ID: 6, Operation: "Cards", Method: "POST", URL: endpoint, Status: 200, Started: at(10), Duration: 40 * time.Millisecond,
		RequestHeader: reqHeader(tok.Fingerprint), RequestBody: cards, ResponseHeader: date(at(10)), ResponseBody: ok, Size: int64(len(ok)), SentFingerprint: tok.Fingerprint})

	f.addEvent(session.Event{Kind: session.LoggedIn, Time: at(0), Fingerprint: fpFirst, Header: "X-Authorization", ExchangeID: 1, Operation: "loginUser", Message: "logged in as demo"})
	f.addEvent(session.Event{Kind: session.Rotated, Time: at(6), Fingerprint: fpRotated, PreviousFingerprint: fpFirst, Header: "X-Authorization", ExchangeID: 3, Operation: "Cards", Message: "adopted a rotated token from X-Authorization, valid for 1h"})
	f.addEvent(session.Event{Kind: session.Unauthorized, Time: at(10), Fingerprint: fpRotated, ExchangeID: 4, Operation: "Cards", Message: diag.Summary, Diagnosis: diag})
	f.addEvent(session.Event{Kind: session.ReLoggedIn, Time: at(10), Fingerprint: tok.Fingerprint, PreviousFingerprint: fpRotated, Header: "X-Authorization", ExchangeID: 5, Operation: "loginUser", Message: "logged in again after an Unauthorized"})
	f.addEvent(session.Event{Kind: session.Replayed, Time: at(10), Fingerprint: tok.Fingerprint, PreviousFingerprint: fpRotated, ExchangeID: 4, Operation: "Cards", Message: "replaying with a newer token"})
	return f, raw
}

// newModel builds an inspector over src at w×h, with the clock 20 minutes after base.
func newModel(src Source, w, h int) Model {
	ctx := common.NewContext(themes.Default())
	ctx.Now = base.Add(20 * time.Minute)
	m := New(ctx, src)
	m = m.SetSize(w, h)
	return m
}

// keyMsg builds the KeyMsg bubbletea would deliver for s.
func keyMsg(s string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd, "ctrl+f": tea.KeyCtrlF, "backspace": tea.KeyBackspace,
	}
	if k, ok := special[s]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// press sends keys one by one and collects the messages their commands produce (cursor blinks
// and other internal ticks are dropped: they never resolve synchronously in tests).
func press(t testing.TB, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(keyMsg(k))
		out = append(out, runCmd(cmd)...)
	}
	return m, out
}

// runCmd runs a command and returns the inspector's own messages among its results. Commands
// that wait by design (the cursor blink timer) are skipped; every other one is waited for.
func runCmd(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, got := range uitest.Settled(cmd) {
		switch got.(type) {
		case CloseMsg, RefreshNowMsg, LogoutMsg, UseTokenMsg, CopyCurlMsg, CopiedMsg, RunDoctorMsg, DoctorDoneMsg:
			out = append(out, got)
		}
	}
	return out
}

// flatten joins a view's inner text with the frame, padding and line breaks removed, so a token
// wrapped over several lines reads as one string again.
func flatten(view string) string {
	var b strings.Builder
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimPrefix(line, "│")
		line = strings.TrimSuffix(line, "│")
		b.WriteString(strings.TrimSpace(line))
	}
	return b.String()
}

// secretForms are what a canary check looks for: the raw value, its JSON-escaped form and each
// base64url segment of a JWT.
func secretForms(raw string) []string {
	forms := []string{raw, strings.ReplaceAll(raw, "/", `\/`)}
	return append(forms, strings.Split(raw, ".")...)
}
