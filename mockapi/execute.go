package mockapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// gqlRequest is the JSON body of a GraphQL POST.
type gqlRequest struct {
	Query         *string         `json:"query"`
	OperationName *string         `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
}

// decodeRequest parses a request body. Its messages never quote the body, which may hold
// a password.
func decodeRequest(body []byte) (query, operationName string, vars map[string]any, errMsg string) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return "", "", nil, "Batched requests are not supported: send one JSON object per request"
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var req gqlRequest
	if err := dec.Decode(&req); err != nil {
		return "", "", nil, jsonProblem(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return "", "", nil, "Malformed JSON body: unexpected data after the request object"
	}
	if v := bytes.TrimSpace(req.Variables); len(v) > 0 && !bytes.Equal(v, []byte("null")) {
		if v[0] != '{' {
			return "", "", nil, "Malformed JSON body: \"variables\" must be an object"
		}
		if err := json.Unmarshal(v, &vars); err != nil {
			return "", "", nil, jsonProblem(err)
		}
	}
	if req.Query == nil || *req.Query == "" {
		return "", "", nil, "The request must include a non-empty \"query\" string"
	}
	if req.OperationName != nil {
		operationName = *req.OperationName
	}
	return *req.Query, operationName, vars, ""
}

// jsonProblem describes a decoding error by position and kind only.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("Malformed JSON body: syntax error at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("Malformed JSON body: %q must not be a JSON %s", typ.Field, typ.Value)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return "Malformed JSON body: the body is empty or ends early"
	}
	return "Malformed JSON body"
}

// serveGraphQL runs one GraphQL request: decode, validate, authenticate, throttle, execute.
// Validation comes before authentication because Toggle's Unauthorized error points at a
// field, so the document has been parsed by then.
func (s *Server) serveGraphQL(ctx context.Context, cfg Config, authHeader string, body []byte) result {
	query, opName, vars, msg := decodeRequest(body)
	if msg != "" {
		return requestError(http.StatusBadRequest, msg)
	}
	if errs := s.schema.ValidateWithVariables(query, vars); len(errs) > 0 {
		return jsonResult(http.StatusOK, wireResponse{Errors: convertErrors(errs, nil)})
	}
	doc, err := parseDocument(query, opName, vars)
	if err != nil {
		return jsonResult(http.StatusOK, wireResponse{Errors: []wireError{parseProblem(err)}})
	}
	acc := doc.access()
	s.countOperation(doc)

	now := cfg.now()
	st := &reqState{cfg: cfg, now: now, opName: opName, sent: tokenFingerprint(authHeader)}
	headers := map[string]string{}
	var subject string
	if len(acc.protected) > 0 {
		auth, err := s.tokens.authenticate(authHeader, cfg, now)
		if err != nil {
			return requestError(http.StatusInternalServerError, "Could not issue a token")
		}
		entry := LogEntry{Time: now, Kind: LogAuthorized, Operation: opName, Sent: tokenFingerprint(authHeader),
			Issued: tokenFingerprint(auth.rotated), Reason: auth.reason}
		if !auth.ok {
			entry.Kind = LogRefused
		}
		s.log.add(entry)
		switch {
		case auth.ok:
			st.authorized, subject = true, auth.subject
			if auth.rotated != "" {
				s.stats.update(func(st *Stats) { st.Rotations++ })
				setTokenHeaders(headers, cfg, cfg.RotateHeader, auth.rotated)
			}
		default:
			s.stats.update(func(st *Stats) { st.Unauthorized++; st.UnauthorizedReasons[auth.reason]++ })
			if len(acc.login) == 0 || acc.introspection {
				return jsonResult(cfg.UnauthStatus, wireResponse{Errors: []wireError{
					errorAt(msgUnauthorized, fieldLocation(acc.protected[0]))}})
			}
			// A document that also logs in: loginUser runs, each protected field is refused.
		}
	}

	var ext *wireExtensions
	if st.authorized {
		cost := doc.cost()
		ok, left := s.throttle.take(subject, cost, cfg.ThrottleMax, cfg.ThrottleRefillPerSecond, now)
		ext = &wireExtensions{Cost: wireCost{ActualQueryCost: cost,
			ThrottleStatus: wireThrottle{MaximumAvailable: cfg.ThrottleMax, CurrentlyAvailable: left}}}
		if !ok {
			s.stats.update(func(st *Stats) { st.Throttled++ })
			res := jsonResult(http.StatusOK, wireResponse{
				Errors:     []wireError{errorAt(msgThrottled, fieldLocation(acc.protected[0]))},
				Extensions: ext})
			res.headers = headers // a rotated token must still reach the client
			return res
		}
	}

	resp := s.schema.Exec(withState(ctx, st), query, opName, vars)
	if tok := st.issuedToken(); tok != "" {
		setTokenHeaders(headers, cfg, loginHeader(cfg), tok) // both headers unless LoginHeader says otherwise
	}
	res := jsonResult(http.StatusOK, wireResponse{Errors: convertErrors(resp.Errors, doc), Data: resp.Data, Extensions: ext})
	res.headers = headers
	return res
}

// setTokenHeaders puts tok in the header(s) named by which (a RotateHeader value).
func setTokenHeaders(h map[string]string, cfg Config, which, tok string) {
	if cfg.BearerPrefix {
		tok = "Bearer " + tok
	}
	if which != RotateAuthorization {
		h["X-Authorization"] = tok
	}
	if which != RotateXAuthorization {
		h["Authorization"] = tok
	}
}

// parseProblem renders an error from our own parse (rare: graphql-go validated the document
// already) or from picking the operation.
func parseProblem(err error) wireError {
	var ge *gqlerror.Error
	if errors.As(err, &ge) {
		e := errorAt(ge.Message, location{})
		for _, l := range ge.Locations {
			e.Locations = append(e.Locations, location{Line: l.Line, Column: l.Column})
		}
		return e
	}
	return errorAt(err.Error(), location{})
}

// countOperation records the operation name and root fields in Stats.
func (s *Server) countOperation(doc *document) {
	fields := doc.rootFields()
	s.stats.update(func(st *Stats) {
		st.Operations[doc.op.Name]++
		for _, f := range fields {
			st.Fields[f.Name]++
		}
	})
}
