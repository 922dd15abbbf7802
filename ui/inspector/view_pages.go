package inspector

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// diffFieldWidth is the diff table's first column.
const diffFieldWidth = 17

// rebuildPage renders the open page for the current width. Pages are built once per open or
// resize, not per frame: a request page can hold a 256 KB body.
func (m *Model) rebuildPage() {
	w := m.innerWidth()
	switch m.page {
	case pageExchange:
		m.pageLines = m.exchangeLines(m.pageEx, w)
	case pageEvent:
		m.pageLines = m.eventLines(m.pageEv, w)
	case pageDiff:
		m.pageLines = m.diffLines(w)
	default:
		m.pageLines = nil
	}
}

// exchangeLines shows one request whole: summary, diagnosis, redacted headers and both bodies.
func (m Model) exchangeLines(x session.Exchange, w int) []string {
	st := m.ctx.Styles
	field := func(label, value string) []string { return fieldLines(label, value, w) }
	lines := []string{fit(st.Accent.Render("Request #"+strconv.FormatInt(x.ID, 10)+" · "+clean(orDash(x.Operation))), w)}
	lines = append(lines, field("Endpoint", x.Method+" "+x.URL)...)
	status := "no response"
	if x.Status != 0 {
		status = strconv.Itoa(x.Status) + " " + http.StatusText(x.Status) + " · " + display.Size(x.Size)
	}
	lines = append(lines, field("Status", status+" · took "+display.Duration(x.Duration)+" · sent "+stamp(x.Started))...)
	lines = append(lines, field("Token sent", fpText(x.SentFingerprint))...)
	lines = append(lines, field("Token recv", fpText(x.ReceivedFingerprint))...)
	if skew, ok := session.ExchangeSkew(x); ok {
		lines = append(lines, field("Clock skew", session.SkewText(skew))...)
	}
	if x.Err != "" {
		lines = append(lines, st.Error.Render(pad("Error", labelWidth))+clean(x.Err))
	}
	if d := m.diagnosisFor(x.ID); d != nil {
		lines = append(lines, diagnosisLines(d, w)...)
	} else if m.snap.unauthorized[x.ID] {
		lines = append(lines, field("Diagnosis", "Unauthorized (the session recorded no diagnosis)")...)
	}
	lines = append(lines, "", st.Muted.Render("Request headers (redacted)"))
	lines = append(lines, headerLines(x.RequestHeader, w)...)
	lines = append(lines, "", st.Muted.Render("Request body (secret variables masked)"))
	lines = append(lines, requestBodyLines(x.RequestBody, w)...)
	lines = append(lines, "", st.Muted.Render("Response headers (redacted)"))
	lines = append(lines, headerLines(x.ResponseHeader, w)...)
	title := "Response body"
	if x.Truncated {
		title += " (first " + display.Size(int64(len(x.ResponseBody))) + " of " + display.Size(x.Size) + ")"
	}
	lines = append(lines, "", st.Muted.Render(title))
	return append(lines, bodyLines(x.ResponseBody, w)...)
}

// diagnosisLines is the session's explanation of an authentication failure.
func diagnosisLines(d *session.Diagnosis, w int) []string {
	var out []string
	add := func(label, value string) {
		if value != "" {
			out = append(out, fieldLines(label, value, w)...)
		}
	}
	add("Diagnosis", d.Summary)
	add("Action", d.Action)
	add("Cause", d.Cause.String())
	add("Detail", d.Detail)
	return out
}

// headerLines lists a redacted header sorted by name.
func headerLines(h http.Header, w int) []string {
	if len(h) == 0 {
		return []string{"  (none)"}
	}
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []string
	for _, name := range names {
		for _, v := range h[name] {
			out = append(out, wrapText(name+": "+v, w, "  ")...)
		}
	}
	return out
}

// bodyLines shows a body, pretty-printed when it is JSON (only whitespace changes), wrapped.
func bodyLines(body []byte, w int) []string {
	if len(body) == 0 {
		return []string{"  (empty)"}
	}
	var buf bytes.Buffer
	if json.Valid(body) && json.Indent(&buf, body, "", "  ") == nil {
		body = buf.Bytes()
	}
	return wrapText(string(body), w, "  ")
}

// requestBodyLines shows a GraphQL request body with its query as the text it is, line by line,
// rather than as a JSON string full of \n; operationName, variables and any other member follow
// as indented JSON. A body that is not such an object is shown as bodyLines shows any body.
func requestBodyLines(body []byte, w int) []string {
	var members map[string]json.RawMessage
	var queryText string
	if json.Unmarshal(body, &members) != nil || json.Unmarshal(members["query"], &queryText) != nil {
		return bodyLines(body, w)
	}
	lines := append([]string{"  query:"}, wrapText(strings.TrimRight(queryText, "\n"), w, "    ")...)
	names := make([]string, 0, len(members))
	for name := range members {
		if name != "query" {
			names = append(names, name)
		}
	}
	sort.Slice(names, func(i, j int) bool { // operationName, variables, then the rest by name
		rank := func(n string) int {
			switch n {
			case "operationName":
				return 0
			case "variables":
				return 1
			}
			return 2
		}
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		var buf bytes.Buffer
		value := []byte(members[name])
		if json.Indent(&buf, value, "  ", "  ") == nil {
			value = buf.Bytes()
		}
		lines = append(lines, wrapText(name+": "+string(value), w, "  ")...)
	}
	return lines
}

// eventLines shows one timeline event whole.
func (m Model) eventLines(e session.Event, w int) []string {
	st := m.ctx.Styles
	var lines []string
	add := func(label, value string) {
		if value != "" {
			lines = append(lines, fieldLines(label, value, w)...)
		}
	}
	lines = append(lines, fit(st.Accent.Render("Event: "+e.Kind.String()), w))
	add("Time", stamp(e.Time))
	add("Token", fpText(e.Fingerprint))
	if e.PreviousFingerprint != "" {
		add("Replaced", fpText(e.PreviousFingerprint))
	}
	add("Via header", e.Header)
	if e.ExchangeID != 0 {
		add("Request", strings.TrimSpace("#"+strconv.FormatInt(e.ExchangeID, 10)+" "+e.Operation)+" (tab 3 shows it)")
	}
	if e.Diagnosis == nil || e.Message != e.Diagnosis.Summary {
		add("Message", e.Message)
	}
	if e.Diagnosis != nil {
		lines = append(lines, diagnosisLines(e.Diagnosis, w)...)
		if e.Diagnosis.Skew != 0 {
			add("Clock skew", session.SkewText(e.Diagnosis.Skew))
		}
	}
	return lines
}

// diffLines compares the last good request with the failing one; differing fields are marked
// with ≠ (visible without colour) and coloured.
func (m Model) diffLines(w int) []string {
	st := m.ctx.Styles
	s := m.snap
	if !s.diffOK {
		return []string{"Nothing to compare: no Unauthorized answer with a good request before it."}
	}
	head := "Last good #" + strconv.FormatInt(s.good.ID, 10) + " (" + clock(s.good.Started) + ") against failing #" +
		strconv.FormatInt(s.bad.ID, 10) + " (" + clock(s.bad.Started) + ") · " + clean(orDash(s.bad.Operation))
	col := max(8, (w-diffFieldWidth-3)/2)
	lines := []string{
		fit(st.Accent.Render(head), w),
		"",
		fit(st.Muted.Render("  "+pad("field", diffFieldWidth-2)+" "+pad("good", col)+" "+pad("failing", col)), w),
	}
	for _, d := range session.DiffExchanges(s.good, s.bad) {
		row := pad(d.Field, diffFieldWidth-2) + " " + pad(clean(d.Good), col) + " " + pad(clean(d.Bad), col)
		if d.Same {
			lines = append(lines, fit("  "+row, w))
		} else {
			lines = append(lines, fit(st.Warning.Render("≠ "+row), w))
		}
	}
	if d := m.diagnosisFor(s.bad.ID); d != nil {
		lines = append(lines, "")
		lines = append(lines, diagnosisLines(d, w)...)
	}
	return append(lines, "", st.Faint.Render("c copies the failing request as curl · enter on it in the list shows it whole"))
}
