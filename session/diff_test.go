package session

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

const (
	unauthorizedBody = `{"errors":[{"message":"Unauthorized"}],"data":null}`
	okBody           = `{"data":{"Cards":{"total":3}}}`
)

// ex builds a recorded exchange for the diff tests.
func ex(id int64, op string, status int, body, sentFP string) Exchange {
	return Exchange{ID: id, Operation: op, Method: "POST", URL: "http://127.0.0.1:9/graphql", Status: status,
		ResponseBody: []byte(body), SentFingerprint: sentFP}
}

func TestLastGoodAndFailing(t *testing.T) {
	login := ex(1, "loginUser", 200, `{"data":{"loginUser":{"id":"1"}}}`, "")
	good := ex(2, "Cards", 200, okBody, "aaaa")
	good2 := ex(3, "Cards", 200, `{"errors":[{"message":"validation"}],"data":null}`, "aaaa") // authorized, GraphQL error
	bad := ex(4, "Cards", 200, unauthorizedBody, "bbbb")
	bad401 := ex(5, "Cards", 401, `<html>401</html>`, "bbbb")
	netErr := Exchange{ID: 6, Operation: "Cards", Err: "connection refused"}
	partial := ex(7, "Cards", 200, `{"errors":[{"message":"Unauthorized"}],"data":{"Cards":{"total":1}}}`, "cccc")
	cases := []struct {
		name      string
		xs        []Exchange
		good, bad int64
		ok        bool
	}{
		{"empty", nil, 0, 0, false},
		{"no failure", []Exchange{login, good}, 0, 0, false},
		{"failure without a good one before", []Exchange{login, bad, good}, 0, 0, false},
		{"newest failure and newest good before it", []Exchange{login, good, good2, bad}, 3, 4, true},
		{"a 401 page counts, a network error is not good", []Exchange{good, bad, netErr, bad401}, 2, 5, true},
		{"partial data is not Unauthorized", []Exchange{good, bad, partial}, 2, 4, true},
		{"login is never the good one", []Exchange{login, bad}, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, b, ok := LastGoodAndFailing(c.xs)
			if ok != c.ok || g.ID != c.good || b.ID != c.bad {
				t.Fatalf("got good #%d bad #%d ok %v, want #%d #%d %v", g.ID, b.ID, ok, c.good, c.bad, c.ok)
			}
		})
	}
}

func TestDiffExchanges(t *testing.T) {
	good := ex(3, "Cards", 200, okBody, "aaaaaaaaaaaa")
	good.ReceivedFingerprint = "bbbbbbbbbbbb"
	good.RequestHeader = RedactHeader(http.Header{"Authorization": {"Bearer eyJhbGciOi.eyJzdWIi.sig"}})
	good.RequestBody = []byte(`{"query":"q","variables":{"limit": 1}}`)
	good.Started = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	good.ResponseHeader = http.Header{"Date": {"Sun, 01 Mar 2026 12:00:01 GMT"}}

	bad := ex(4, "Cards", 200, unauthorizedBody, "bbbbbbbbbbbb")
	bad.RequestHeader = RedactHeader(http.Header{"Authorization": {"eyJhbGciOi.eyJzdWIi.sig2"}}) // bare, no scheme
	bad.RequestBody = []byte(`{"query":"q","variables":{"limit":1}}`)
	bad.Started = time.Date(2026, 3, 1, 12, 5, 0, 0, time.UTC)
	bad.ResponseHeader = http.Header{"Date": {"Sun, 01 Mar 2026 13:10:00 GMT"}, "Www-Authenticate": {`Bearer error="invalid_token"`}}

	got := map[string]DiffLine{}
	var order []string
	for _, l := range DiffExchanges(good, bad) {
		got[l.Field] = l
		order = append(order, l.Field)
		if l.Same != (l.Good == l.Bad) {
			t.Errorf("%s: Same=%v for %q vs %q", l.Field, l.Same, l.Good, l.Bad)
		}
	}
	want := map[string][2]string{
		"endpoint":         {"http://127.0.0.1:9/graphql", "http://127.0.0.1:9/graphql"},
		"operation":        {"Cards", "Cards"},
		"status":           {"200", "200 Unauthorized"},
		"token sent":       {"fp:aaaaaaaaaaaa", "fp:bbbbbbbbbbbb"},
		"token received":   {"fp:bbbbbbbbbbbb", "(none)"},
		"auth scheme":      {"Bearer", "(no scheme: bare token)"},
		"clock skew":       {"in sync (within 30s)", "server 1h05m ahead"},
		"WWW-Authenticate": {"(none)", `Bearer error="invalid_token"`},
		"variables":        {`{"limit":1}`, `{"limit":1}`},
		"error":            {"(none)", "Unauthorized"},
	}
	if len(order) != len(want) {
		t.Fatalf("fields %v, want %d", order, len(want))
	}
	for field, w := range want {
		l, ok := got[field]
		if !ok || l.Good != w[0] || l.Bad != w[1] {
			t.Errorf("%s: got %q / %q, want %q / %q", field, l.Good, l.Bad, w[0], w[1])
		}
	}
	for _, l := range DiffExchanges(good, bad) {
		if strings.Contains(l.Good+l.Bad, "eyJ") {
			t.Errorf("%s shows token text: %q / %q", l.Field, l.Good, l.Bad)
		}
	}
}

func TestDiffErrorLine(t *testing.T) {
	cases := []struct {
		x    Exchange
		want string
	}{
		{Exchange{Err: "dial tcp: refused"}, "dial tcp: refused"},
		{Exchange{Status: 502, ResponseBody: []byte("<html>bad gateway</html>")}, `response is not JSON: "<html>bad gateway</html>"`},
		{Exchange{Status: 200, ResponseBody: []byte(`{"errors":[{"message":"a"},{"message":"b"},{"message":"c"},{"message":"d"}]}`)}, "a; b; c; …"},
		{Exchange{Status: 200, ResponseBody: []byte(`{"data":{}}`)}, "(none)"},
		{Exchange{Status: 200, ResponseBody: []byte(`{"data":`), Truncated: true}, "(body too long to decode here)"},
	}
	for _, c := range cases {
		if got := errorText(c.x); got != c.want {
			t.Errorf("errorText = %q, want %q", got, c.want)
		}
	}
}

func TestExchangeSkew(t *testing.T) {
	started := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	x := Exchange{Started: started, Duration: 500 * time.Millisecond,
		ResponseHeader: http.Header{"Date": {"Sun, 01 Mar 2026 11:58:00 GMT"}}}
	skew, ok := ExchangeSkew(x)
	if !ok || skew != -2*time.Minute-500*time.Millisecond {
		t.Fatalf("skew = %v %v", skew, ok)
	}
	if got := SkewText(skew); got != "server 2m01s behind" {
		t.Errorf("SkewText = %q", got)
	}
	x.ResponseHeader.Set("Date", "yesterday")
	if _, ok := ExchangeSkew(x); ok {
		t.Error("an unparseable Date gave a skew")
	}
}

// FuzzDiffExchanges feeds server-controlled parts (bodies, Date, WWW-Authenticate) to the diff: it
// must not panic, and Same must agree with the values.
func FuzzDiffExchanges(f *testing.F) {
	f.Add([]byte(unauthorizedBody), []byte(okBody), "Sun, 01 Mar 2026 12:00:01 GMT", "Bearer", 200)
	f.Add([]byte(`{"errors":"x"}`), []byte(`{`), "", "", 401)
	f.Add([]byte(`{"errors":[{"message":"Unauthorized"}],"data":[1]}`), []byte("\x00"), "Mon, 99 Foo", `Basic realm="x"`, 0)
	f.Fuzz(func(t *testing.T, badBody, goodBody []byte, date, challenge string, status int) {
		good := Exchange{ID: 1, Status: 200, ResponseBody: goodBody, Started: time.Unix(1e9, 0),
			ResponseHeader: http.Header{"Date": {date}}}
		bad := Exchange{ID: 2, Status: status, ResponseBody: badBody, Started: time.Unix(1e9, 0),
			ResponseHeader: http.Header{"Date": {date}, "Www-Authenticate": {challenge}}}
		for _, l := range DiffExchanges(good, bad) {
			if l.Same != (l.Good == l.Bad) {
				t.Fatalf("%s: Same=%v for %q vs %q", l.Field, l.Same, l.Good, l.Bad)
			}
		}
		_, _, _ = LastGoodAndFailing([]Exchange{good, bad})
	})
}
