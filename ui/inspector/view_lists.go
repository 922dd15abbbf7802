package inspector

import (
	"strconv"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// shortFP is how many hex digits of a fingerprint a list row shows (a prefix of the full one, so
// rows still match the detail views).
const shortFP = 8

// kindWidth fits the longest event kind ("refresh failed", "expiring soon").
const kindWidth = 14

// timelineList renders the events newest first, keeping the selection in view. Unauthorized and
// gave-up events carry the session's diagnosis on a second line.
func (m Model) timelineList(w, h int) []string {
	if len(m.snap.events) == 0 {
		return []string{m.ctx.Styles.Faint.Render("No session events yet.")}
	}
	return m.list(w, h, len(m.snap.events), m.evSel, func(i int, selected bool) []string {
		e, _ := m.eventAt(i)
		return m.eventRow(e, w, selected)
	})
}

// eventRow is one event: time, kind, token, then what brought it.
func (m Model) eventRow(e session.Event, w int, selected bool) []string {
	st := m.ctx.Styles
	var rest []string
	if e.ExchangeID != 0 {
		rest = append(rest, strings.TrimSpace("#"+strconv.FormatInt(e.ExchangeID, 10)+" "+clean(e.Operation)))
	}
	if e.Header != "" {
		rest = append(rest, "via "+clean(e.Header))
	}
	if e.PreviousFingerprint != "" {
		rest = append(rest, "was "+fpText(e.PreviousFingerprint))
	}
	if (e.Diagnosis == nil || e.Kind == session.Replayed) && e.Message != "" {
		rest = append(rest, clean(e.Message))
	}
	kind := pad(e.Kind.String(), kindWidth)
	switch e.Kind {
	case session.Unauthorized, session.GaveUp, session.RefreshFailed, session.Expired, session.StoreFailed,
		session.TokenRefused:
		kind = st.Error.Render(kind)
	case session.ExpiringSoon, session.RotationIgnored:
		kind = st.Warning.Render(kind)
	case session.LoggedIn, session.ReLoggedIn, session.Refreshed, session.Rotated:
		kind = st.Success.Render(kind)
	}
	row := marker(selected) + clock(e.Time) + "  " + kind + " " + pad(fpText(e.Fingerprint), 15) + " " + strings.Join(rest, " · ")
	lines := []string{m.rowStyle(selected, row, w)}
	// A replay's diagnosis is the Unauthorized row's, shown there; its row says the action.
	if e.Diagnosis != nil && e.Kind != session.Replayed {
		lines = append(lines, fit(st.Warning.Render("    ╰ "+clean(e.Diagnosis.String())), w))
	}
	return lines
}

// requestsList renders the exchanges newest first under a column header.
func (m Model) requestsList(w, h int) []string {
	st := m.ctx.Styles
	if len(m.snap.exchanges) == 0 {
		return []string{st.Faint.Render("No requests yet.")}
	}
	header := fit(st.Faint.Render("   "+pad("#", 5)+" "+pad("time", 8)+"  "+pad("operation", 16)+" status "+
		pad("took", 7)+" "+pad("size", 7)+" "+pad("sent", shortFP+1)+" received"), w)
	rows := m.list(w, max(0, h-1), len(m.snap.exchanges), m.exSel, func(i int, selected bool) []string {
		x, _ := m.exchangeAt(i)
		return m.exchangeRow(x, w, selected)
	})
	return append([]string{header}, rows...)
}

// exchangeRow is one request: a flag (✗ refused, ! no response), ID, time, operation, status,
// duration, size and the fingerprints sent and received.
func (m Model) exchangeRow(x session.Exchange, w int, selected bool) []string {
	st := m.ctx.Styles
	unauthorized := m.snap.unauthorized[x.ID]
	flag, status := " ", strconv.Itoa(x.Status)
	switch {
	case x.Err != "" || x.Status == 0:
		flag, status = st.Error.Render("!"), "ERR"
	case unauthorized:
		flag = st.Error.Render("✗")
	}
	size := "—"
	if x.Status != 0 {
		size = display.Size(x.Size)
	}
	row := marker(selected) + flag + pad("#"+strconv.FormatInt(x.ID, 10), 5) + " " + clock(x.Started) + "  " +
		pad(clean(orDash(x.Operation)), 16) + " " + pad(status, 6) + " " + pad(display.Duration(x.Duration), 7) + " " +
		pad(size, 7) + " " + pad(arrowFP("→", x.SentFingerprint), shortFP+1) + " " + arrowFP("←", x.ReceivedFingerprint)
	lines := []string{m.rowStyle(selected, row, w)}
	switch d := m.diagnosisFor(x.ID); {
	case d != nil:
		lines = append(lines, fit(st.Warning.Render("    ╰ "+clean(d.String())), w))
	case x.Err != "":
		lines = append(lines, fit(st.Error.Render("    ╰ "+clean(x.Err)), w))
	case unauthorized:
		lines = append(lines, fit(st.Warning.Render("    ╰ Unauthorized (no diagnosis recorded)"), w))
	}
	return lines
}

// list lays out n variable-height rows in h lines so that row sel is fully visible: it starts
// from the selection and walks back while earlier rows still fit, then fills forward. Only the
// rows on screen are rendered, so a long log costs nothing per frame.
func (m Model) list(w, h, n, sel int, render func(i int, selected bool) []string) []string {
	if h <= 0 || n == 0 {
		return nil
	}
	first, used := sel, len(render(sel, true))
	for first > 0 {
		prev := len(render(first-1, false))
		if used+prev > h {
			break
		}
		first--
		used += prev
	}
	var out []string
	for i := first; i < n && len(out) < h; i++ {
		out = append(out, render(i, i == sel)...)
	}
	return window(out, 0, h)
}

// rowStyle highlights the selected row; the marker keeps it visible without colour.
func (m Model) rowStyle(selected bool, row string, w int) string {
	if selected {
		return fit(m.ctx.Styles.Accent.Render(row), w)
	}
	return fit(row, w)
}

func marker(selected bool) string {
	if selected {
		return "› "
	}
	return "  "
}

// arrowFP is "→3f9a1c2b" (short fingerprint) or "→—".
func arrowFP(arrow, fp string) string {
	if fp == "" {
		return arrow + "—"
	}
	return arrow + fp[:min(len(fp), shortFP)]
}
