package session

import (
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/toggle-explorer/toggle-explorer/query/history"
)

// HistoryEntry describes one Execute for the history: what was sent (the history masks secrets
// itself), how it ended, and the token sent, as its fingerprint only (not the one a rotation
// brought back). The duration is the same measurement the inspector shows for the exchange. The
// CLI and the TUI record the same entries through it. Body is the response as received.
func (s *Session) HistoryEntry(op query.Operation, req Request, started time.Time, res *Result, err error) history.Entry {
	sum := Summarize(res, err)
	e := history.Entry{
		Time: started, Endpoint: s.Endpoint(), Operation: op.Name, OperationKind: op.Kind.String(),
		Document: req.Query, Variables: req.Variables, Status: sum.Status, Outcome: sum.Outcome,
		Size: sum.Size, ErrorSummary: sum.Error,
	}
	for name, values := range req.Headers {
		if e.Headers == nil {
			e.Headers = make(map[string]string, len(req.Headers))
		}
		// Expanded values: a secret-looking name is masked whatever its value looks like.
		e.Headers[name] = strings.Join(values, ", ")
		if headers.IsSecret(name) {
			e.Headers[name] = query.Mask
		}
	}
	took := sum.Duration
	if took == 0 && res == nil {
		// No response (cancelled, refused, timed out): how long the user waited still counts.
		took = s.cfg.Clock.Now().Sub(started)
	}
	e.SetDuration(took)
	if res != nil {
		// The history keeps it (masked, bounded, never a login's) for comparing later answers.
		e.Body = res.Body
	}
	switch {
	case res != nil && res.SentFingerprint != "":
		e.TokenFingerprint = res.SentFingerprint
	case res != nil && len(res.ExchangeIDs) > 0:
		e.TokenFingerprint = s.sentFingerprint(res.ExchangeIDs[len(res.ExchangeIDs)-1])
	}
	return e
}

// sentFingerprint is the token fingerprint exchange id carried, from the log.
func (s *Session) sentFingerprint(id int64) string {
	for _, x := range s.Exchanges() {
		if x.ID == id {
			return x.SentFingerprint
		}
	}
	return ""
}
