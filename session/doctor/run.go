package doctor

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// Run probes cfg.Endpoint with at most nine requests and returns what it learned. The error is
// for a configuration that cannot be probed at all (a bad endpoint URL); everything the server
// did, failures included, is in the Report and its Outcome.
func Run(ctx context.Context, cfg Config) (Report, error) {
	cfg = cfg.withDefaults()
	u, err := session.ValidateEndpoint(cfg.Endpoint, cfg.Insecure)
	if err != nil {
		return Report{}, err
	}
	r := &run{cfg: cfg, p: newProber(cfg, u)}
	defer r.p.close()
	r.rep = Report{Endpoint: u.Redacted(), Started: cfg.Clock.Now(), Logins: []Login{}, Forms: []Form{}, Requests: []Request{}}
	r.probe(ctx, u)
	if r.rep.Outcome == "" {
		r.rep.Outcome = OK
	}
	r.rep.Verdicts = verdicts(r.rep)
	return r.rep, nil
}

// run is one doctor run. The raw tokens it handles live in local variables of its methods and in
// tok (the newest token), never in the Report.
type run struct {
	cfg Config
	p   *prober
	rep Report

	tok   string    // the newest token
	tokAt time.Time // when it arrived, on our clock
	rot   *rotationState
	// loginAt is when the newest login's answer arrived: rotation ages count from it.
	loginAt time.Time
}

// fail sets the outcome and its reason, keeping the first failure.
func (r *run) fail(o Outcome, problem string) {
	if r.rep.Outcome == "" || r.rep.Outcome == OK {
		r.rep.Outcome, r.rep.Problem = o, problem
	}
}

// probe runs the sections in order; each needs the one before.
func (r *run) probe(ctx context.Context, u *url.URL) {
	if !r.reach(ctx, u.Hostname()) {
		return
	}
	if !r.login(ctx) {
		return
	}
	form, ok := r.forms(ctx)
	if !ok {
		return
	}
	r.rotation(ctx, form)
}

// send makes one request and records it; authText is the Authorization header as listed (with a
// fingerprint in place of the token).
func (r *run) send(ctx context.Context, purpose, query string, vars map[string]any, authorization, authText string) (answer, int, error) {
	n := len(r.rep.Requests) + 1
	t0 := time.Now()
	a, err := r.p.post(ctx, query, vars, authorization)
	req := Request{N: n, Purpose: purpose, Auth: authText, Took: Duration(a.took)}
	switch {
	case err != nil:
		req.Result, req.Error, req.Took = "failed", err.Error(), Duration(time.Since(t0))
	default:
		req.Status = a.status
		req.Result = resultText(a, vars != nil)
		if raw, headers, _, _ := offered(a.header); raw != "" {
			req.Received = strings.Join(headers, "+") + " fp:" + session.Fingerprint(raw)
		}
	}
	r.rep.Requests = append(r.rep.Requests, req)
	return a, n, err
}

// resultText sums an answer up in a few words.
func resultText(a answer, login bool) string {
	switch {
	case a.envErr != nil:
		return "not GraphQL (" + a.envErr.Error() + ")"
	case a.env.IsUnauthorized():
		return "Unauthorized"
	case len(a.env.Errors) > 0 && !a.env.HasData:
		return "error: " + a.env.Errors[0].Message
	case login:
		return "logged in"
	case a.status == http.StatusUnauthorized || a.status == http.StatusForbidden:
		return "refused"
	}
	return "ok"
}

// reach looks the host up and sends the bare request (no token): its answer gives the connect,
// TLS and first-byte facts and shows how an unauthenticated request is refused.
func (r *run) reach(ctx context.Context, host string) bool {
	re := &r.rep.Reach
	re.Host = host
	if net.ParseIP(host) == nil {
		lctx, cancel := context.WithTimeout(ctx, r.cfg.Timeout)
		t0 := time.Now()
		addrs, err := r.cfg.Resolver.LookupHost(lctx, host)
		cancel()
		re.DNS = Duration(time.Since(t0))
		if err != nil {
			re.Error = "DNS: " + scrub(err).Error()
			r.fail(Unreachable, "cannot resolve "+host)
			return false
		}
		re.Addresses = addrs
	} else {
		re.DNSSkipped = true
	}
	a, n, err := r.send(ctx, "bare request, no token", probeQuery, nil, "", "none")
	if err != nil {
		re.Error = err.Error()
		r.fail(Unreachable, "no answer from "+r.rep.Endpoint)
		return false
	}
	re.Connect, re.RemoteAddr, re.FirstByte = Duration(a.connect), a.remoteAddr, Duration(a.firstByte)
	re.Status, re.ContentType = a.status, a.contentType
	if a.tls != nil {
		re.TLS = tlsFacts(a.tls, r.cfg.Clock.Now())
	}
	if a.envErr != nil {
		re.Error = "the answer is not a GraphQL response: " + a.envErr.Error()
		r.fail(Unreachable, fmt.Sprintf("HTTP %d from %s is not a GraphQL response", a.status, r.rep.Endpoint))
		return false
	}
	if a.refused() || len(a.env.Errors) > 0 {
		ref := &Refusal{Request: n, Status: a.status, Errors: len(a.env.Errors), HasData: a.env.HasData,
			Unauthorized: a.env.IsUnauthorized()}
		if len(a.env.Errors) > 0 {
			g := a.env.Errors[0]
			ref.Message, ref.CustomerFacing, ref.Locations = g.Message, g.CustomerFacing, len(g.Locations) > 0
		}
		r.rep.Refusal = ref
	}
	return true
}

// tlsFacts describes the connection and the leaf certificate.
func tlsFacts(cs *tls.ConnectionState, now time.Time) *TLSFacts {
	f := &TLSFacts{Version: tls.VersionName(cs.Version)}
	if len(cs.PeerCertificates) > 0 {
		leaf := cs.PeerCertificates[0]
		f.Subject, f.Issuer, f.DNSNames = leaf.Subject.String(), leaf.Issuer.String(), leaf.DNSNames
		f.NotAfter, f.ExpiresIn = leaf.NotAfter.UTC(), Duration(leaf.NotAfter.Sub(now))
	}
	return f
}

// login logs in by username and, when an email is given too, by email. The newest token becomes
// r.tok. It reports whether some login gave a token.
func (r *run) login(ctx context.Context) bool {
	type way struct{ by, id string }
	var ways []way
	if r.cfg.Username != "" {
		ways = append(ways, way{"username", r.cfg.Username})
	}
	if r.cfg.Email != "" {
		ways = append(ways, way{"email", r.cfg.Email})
	}
	if len(ways) == 0 || r.cfg.Password == "" {
		r.fail(AuthFailed, "no credentials: a username or an email, and a password, are needed to log in")
		return false
	}
	for _, w := range ways {
		vars := map[string]any{w.by: w.id, "password": r.cfg.Password}
		a, n, err := r.send(ctx, "login by "+w.by, loginQuery, vars, "", "none")
		l := Login{By: w.by, Identity: w.id, Request: n, Headers: []string{}}
		if err != nil {
			l.Error = err.Error()
		} else {
			r.readLogin(&l, a)
		}
		if !l.OK {
			r.fail(AuthFailed, "login by "+w.by+" failed (request #"+fmt.Sprint(n)+")")
		}
		r.rep.Logins = append(r.rep.Logins, l)
	}
	return r.tok != ""
}

// readLogin fills l from a login's answer and adopts its token.
func (r *run) readLogin(l *Login, a answer) {
	l.Status = a.status
	if a.envErr == nil && len(a.env.Errors) > 0 {
		l.Message, l.CustomerFacing = a.env.Errors[0].Message, a.env.Errors[0].CustomerFacing
	}
	if d, err := http.ParseTime(a.header.Get("Date")); err == nil {
		l.ServerDate, l.Skew, l.SkewKnown = d.UTC(), Duration(d.Sub(a.received)), true
	}
	raw, headers, bearer, same := offered(a.header)
	if raw == "" {
		if l.Message == "" {
			l.Error = "the answer carried no token header"
		}
		return
	}
	l.OK, l.Headers, l.Bearer, l.SameToken = true, headers, bearer, same
	tok, err := session.ParseToken(raw, a.received, "login")
	if err != nil {
		l.OK, l.Error = false, "the token header holds no usable token: "+err.Error()
		return
	}
	l.Fingerprint, l.Subject, l.IssuedAt, l.ExpiresAt = tok.Fingerprint, tok.Subject, tok.IssuedAt, tok.ExpiresAt
	if j, err := session.DecodeJWT(raw); err == nil {
		l.JWT = true
		l.Alg, _ = j.Header["alg"].(string)
	}
	if !tok.FromJWT {
		l.ExpiresAt = time.Time{}
	}
	if !l.IssuedAt.IsZero() && l.ExpiresAt.After(l.IssuedAt) {
		l.Lifetime = Duration(l.ExpiresAt.Sub(l.IssuedAt))
	}
	r.tok, r.tokAt, r.loginAt = raw, a.received, a.received
}

// offered returns the token a response offers (X-Authorization first), the headers that carried
// one, whether one read "Bearer …", and whether all of them carried the same token.
func offered(h http.Header) (raw string, headers []string, bearer, same bool) {
	same = true
	for _, name := range []string{"X-Authorization", "Authorization"} {
		v := strings.TrimSpace(h.Get(name))
		t := stripBearer(v)
		if t == "" {
			continue
		}
		headers = append(headers, name)
		if t != v {
			bearer = true
		}
		if raw == "" {
			raw = t
		} else if t != raw {
			same = false
		}
	}
	return raw, headers, bearer, same && len(headers) > 1
}

// stripBearer removes an optional case-insensitive "Bearer" scheme word.
func stripBearer(v string) string {
	if len(v) > 7 && strings.EqualFold(v[:7], "bearer ") {
		return strings.TrimSpace(v[7:])
	}
	return v
}

// headerForm is one way of presenting the token.
type headerForm struct {
	name   string // as listed: `Authorization: Bearer <token>`
	scheme string // "Bearer", "" (bare) or another scheme word
}

func (f headerForm) value(tok string) string {
	if f.scheme == "" {
		return tok
	}
	return f.scheme + " " + tok
}

func (f headerForm) text(tok string) string {
	if f.scheme == "" {
		return "bare fp:" + session.Fingerprint(tok)
	}
	return f.scheme + " fp:" + session.Fingerprint(tok)
}

// The forms tried, in order: the documented one, the bare token, and another scheme.
var (
	formBearer = headerForm{"Authorization: Bearer <token>", "Bearer"}
	formBare   = headerForm{"Authorization: <token> (no scheme)", ""}
	formOther  = headerForm{"Authorization: Token <token>", "Token"}
)

// rotationState is what the authorized requests showed so far.
type rotationState struct {
	rot          Rotation
	headers      map[string]bool
	old          string // the token most recently superseded
	supersededAt time.Time
	lastAt       time.Time
}

// forms tries each header form with the newest token. Every accepted request also counts as a
// rotation observation. It returns the first form accepted.
func (r *run) forms(ctx context.Context) (headerForm, bool) {
	r.rot = &rotationState{headers: map[string]bool{}}
	var first headerForm
	found := false
	for _, f := range []headerForm{formBearer, formBare, formOther} {
		sent := r.tok
		a, n, err := r.send(ctx, "token as "+f.name, probeQuery, nil, f.value(sent), f.text(sent))
		form := Form{Name: f.name, Scheme: f.scheme, Request: n}
		if err == nil {
			form.Status, form.Accepted, form.Message = a.status, a.accepted(), a.firstMessage()
			if form.Accepted {
				r.observe(a, n, sent)
				if !found {
					first, found = f, true
				}
			}
		} else {
			form.Message = err.Error()
		}
		r.rep.Forms = append(r.rep.Forms, form)
	}
	if !found {
		r.fail(AuthFailed, "the server refused the login's token in every form")
	}
	return first, found
}
