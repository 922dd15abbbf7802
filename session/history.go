package session

import (
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/history"
)

// HistoryEntry describes one Execute for the history: what was sent (the history masks secrets
// itself), how it ended, and the token as its fingerprint only. The CLI and the TUI record the same
// entries through it.
func (s *Session) HistoryEntry(op query.Operation, req Request, started time.Time, res *Result, err error) history.Entry {
	sum := Summarize(res, err)
	e := history.Entry{
		Time: started, Endpoint: s.Endpoint(), Operation: op.Name, OperationKind: op.Kind.String(),
		Document: req.Query, Variables: req.Variables, Status: sum.Status, Outcome: sum.Outcome,
		DurationMS: sum.Duration.Milliseconds(), Size: sum.Size, ErrorSummary: sum.Error,
	}
	if e.DurationMS == 0 && res == nil {
		// No response (cancelled, refused, timed out): how long the user waited still counts.
		e.DurationMS = s.cfg.Clock.Now().Sub(started).Milliseconds()
	}
	if tok, ok := s.Token(); ok {
		e.TokenFingerprint = tok.Fingerprint
	}
	return e
}
