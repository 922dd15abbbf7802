package mockapi

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ServeHTTP serves GraphQL on POST /graphql (and POST /), a short hint on GET, and 405 for
// other methods. Faults and latency from the configuration apply to GraphQL requests only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cfg := s.config()
	s.stats.update(func(st *Stats) { st.Requests++ })
	s.received.add(r)
	if r.URL.Path != "/graphql" && r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	switch r.Method {
	case http.MethodPost:
	case http.MethodGet, http.MethodHead:
		s.serveHint(w, cfg)
		return
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, "405 method not allowed: POST a GraphQL request", http.StatusMethodNotAllowed)
		return
	}

	// Read the body first: net/http notices a client that hung up only once the body has
	// been consumed, and the latency wait below must end when the client gives up.
	body, bad := readBody(r)
	f := s.faults.draw(cfg.FailureRate, cfg.TruncateRate)
	if !sleepCtx(r.Context(), cfg.Latency) {
		return // the client gave up; nobody is listening
	}
	if f == faultBadGate {
		// Decided before anything runs: a 502 from a proxy means the API never saw the request.
		s.stats.update(func(st *Stats) { st.Faults++ })
		writeBadGateway(w)
		return
	}

	var res result
	if bad != nil {
		res = *bad
	} else {
		res = s.serveGraphQL(r.Context(), cfg, r.Header.Get("Authorization"), body)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Date", cfg.now().UTC().Format(http.TimeFormat))
	for k, v := range res.headers {
		h.Set(k, v)
	}
	body = res.body
	if f == faultTruncate {
		// The request has run (and changed state); only the answer is lost. Announcing the
		// full length and writing half makes net/http close the connection, so the client
		// sees an unexpected EOF.
		s.stats.update(func(st *Stats) { st.Faults++ })
		h.Set("Content-Length", strconv.Itoa(len(body)))
		body = body[:len(body)/2]
	}
	w.WriteHeader(res.status)
	_, _ = w.Write(body)
}

// result is a finished GraphQL answer.
type result struct {
	status  int
	headers map[string]string
	body    []byte
}

func jsonResult(status int, resp wireResponse) result {
	return result{status: status, body: encode(resp)}
}

// requestError is the GraphQL-shaped body of an HTTP-level problem (bad JSON, too large).
func requestError(status int, msg string) result {
	return jsonResult(status, wireResponse{Errors: []wireError{errorAt(msg, location{})}})
}

// readBody reads at most maxBodyBytes of the request body.
func readBody(r *http.Request) ([]byte, *result) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	switch {
	case err != nil:
		res := requestError(http.StatusBadRequest, "Could not read the request body")
		return nil, &res
	case len(body) > maxBodyBytes:
		res := requestError(http.StatusRequestEntityTooLarge, "The request body is larger than 1 MiB")
		return nil, &res
	}
	return body, nil
}

// sleepCtx waits d, or less if ctx ends first; it reports whether the full wait happened.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// serveHint answers a browser: what this endpoint is and how to use it. Credentials are
// shown only when they are the published demo ones.
func (s *Server) serveHint(w http.ResponseWriter, cfg Config) {
	var b strings.Builder
	b.WriteString("Toggle mock GraphQL API (toggle-explorer).\n\n")
	b.WriteString("POST a JSON body {\"query\": \"...\", \"variables\": {...}} to this URL.\n")
	b.WriteString("Log in first with the loginUser query; the JWT comes back in the X-Authorization\n")
	b.WriteString("response header. Send it as \"Authorization: Bearer <jwt>\" on every other request.\n")
	if cfg.Username == DemoUsername && cfg.Email == DemoEmail && cfg.Password == DemoPassword {
		b.WriteString("\nDemo credentials: username \"" + DemoUsername + "\" (or email \"" + DemoEmail +
			"\"), password \"" + DemoPassword + "\".\n")
	}
	b.WriteString("\nOr run: toggle-explorer --demo\n")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Date", cfg.now().UTC().Format(http.TimeFormat))
	_, _ = io.WriteString(w, b.String())
}
