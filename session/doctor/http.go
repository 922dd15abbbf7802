package doctor

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// maxBody caps every response the doctor reads: its answers are a few hundred bytes, so anything
// near this is not the server we think it is.
const maxBody = 1 << 20

// probeQuery is the authorized query: introspection of the query type's name. It is read-only,
// costs next to nothing, and unlike a bare `{ __typename }` (which Toggle answers without a
// token) it needs one.
const probeQuery = `query DoctorProbe { __schema { queryType { name } } }`

// loginQuery is Toggle's login, a query whose token comes back in response headers.
const loginQuery = `query DoctorLogin($username: String, $email: String, $password: String!) { loginUser(username: $username, email: $email, password: $password) { id } }`

// answer is one response as the probes need it.
type answer struct {
	status      int
	header      http.Header
	body        []byte
	env         session.Envelope
	envErr      error
	took        time.Duration
	received    time.Time // our clock when the answer arrived
	contentType string
	// trace facts, filled on a fresh connection
	connect    time.Duration
	remoteAddr string
	tls        *tls.ConnectionState
	firstByte  time.Duration
}

// accepted reports an authorized query that ran: 2xx, not Unauthorized, with data.
func (a answer) accepted() bool {
	return a.status >= 200 && a.status < 300 && a.envErr == nil && !a.env.IsUnauthorized() && a.env.HasData
}

// refused reports a request the server refused for its token: Toggle's Unauthorized body, or
// HTTP 401/403.
func (a answer) refused() bool {
	return (a.envErr == nil && a.env.IsUnauthorized()) || a.status == http.StatusUnauthorized || a.status == http.StatusForbidden
}

// firstMessage is the first error's message, or "".
func (a answer) firstMessage() string {
	if a.envErr != nil || len(a.env.Errors) == 0 {
		return ""
	}
	return a.env.Errors[0].Message
}

// prober sends the doctor's requests.
type prober struct {
	cfg      Config
	endpoint *url.URL
	client   *http.Client
	owned    *http.Transport
}

func newProber(cfg Config, endpoint *url.URL) *prober {
	p := &prober{cfg: cfg, endpoint: endpoint}
	base := cfg.Transport
	if base == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: cfg.RootCAs}
		p.owned, base = t, t
	}
	p.client = &http.Client{
		Transport: base,
		Timeout:   cfg.Timeout,
		// Never follow a redirect: the token must not travel anywhere but the endpoint.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return p
}

func (p *prober) close() {
	if p.owned != nil {
		p.owned.CloseIdleConnections()
	}
}

// post sends one GraphQL request with the given Authorization header value ("" for none) and
// reads the answer, capped. The body is built here so a password never lands in an error.
func (p *prober) post(ctx context.Context, query string, vars map[string]any, authorization string) (answer, error) {
	payload := map[string]any{"query": query}
	if vars != nil {
		payload["variables"] = vars
	}
	body, err := json.Marshal(payload)
	if err != nil {
		return answer{}, errors.New("could not encode the request")
	}
	ctx, cancel := context.WithTimeout(ctx, p.cfg.Timeout)
	defer cancel()
	// The trace callbacks may run on the transport's dialing goroutine, which can outlive the
	// request when a dial loses a race: they write tr under mu, read once the answer is in.
	var mu sync.Mutex
	var tr answer
	var connStart time.Time
	t0 := time.Now()
	trace := &httptrace.ClientTrace{
		ConnectStart: func(string, string) { mu.Lock(); connStart = time.Now(); mu.Unlock() },
		ConnectDone: func(_, addr string, err error) {
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				tr.connect, tr.remoteAddr = time.Since(connStart), addr
			}
		},
		TLSHandshakeDone: func(cs tls.ConnectionState, err error) {
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				tr.tls = &cs
			}
		},
		GotFirstResponseByte: func() { mu.Lock(); tr.firstByte = time.Since(t0); mu.Unlock() },
	}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodPost, p.endpoint.String(), bytes.NewReader(body))
	if err != nil {
		return answer{}, errors.New("could not build the request")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return answer{}, scrub(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return answer{}, scrub(err)
	}
	if len(data) > maxBody {
		return answer{}, fmt.Errorf("the response is larger than %d bytes", maxBody)
	}
	var a answer
	a.took = time.Since(t0)
	mu.Lock()
	a.connect, a.remoteAddr, a.tls, a.firstByte = tr.connect, tr.remoteAddr, tr.tls, tr.firstByte
	mu.Unlock()
	a.received = p.cfg.Clock.Now()
	a.status, a.header, a.body = resp.StatusCode, resp.Header, data
	a.contentType = resp.Header.Get("Content-Type")
	a.env, a.envErr = session.DecodeEnvelope(data)
	return a, nil
}

// scrub makes a transport error safe to show: url.Error quotes the URL (never a token here, but
// keep the habit) and JWT-looking text is redacted.
func scrub(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return errors.New(session.RedactJWTs(err.Error()))
}
