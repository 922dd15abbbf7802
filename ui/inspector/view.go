package inspector

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// chromeLines is what the frame's inside spends on chrome: the tab bar, its rule and the footer.
const chromeLines = 3

// View draws the inspector in a width×height frame: tabs, the tab's content (or the open page),
// and a footer for questions, the paste input and action outcomes.
func (m Model) View() string {
	if m.width < 8 || m.height < chromeLines+3 {
		return ""
	}
	st := m.ctx.Styles
	w, h := m.innerWidth(), m.contentHeight()
	lines := make([]string, 0, h+chromeLines)
	lines = append(lines, m.tabBar(w), st.Faint.Render(strings.Repeat("─", w)))
	// While pasting, the footer is the input: an error about the pasted value goes just above it.
	status := ""
	if m.pasting && m.status != "" {
		status, h = fit(st.Error.Render("✗ "+clean(m.status)), w), max(0, h-1)
	}
	content := m.content(w, h)
	lines = append(lines, content...)
	for range h - len(content) {
		lines = append(lines, "")
	}
	if status != "" {
		lines = append(lines, status)
	}
	lines = append(lines, m.footer(w))
	title := "Auth inspector"
	if m.snap.endpoint != "" {
		title += " · " + clean(m.snap.endpoint)
	}
	return common.Frame(st, title, strings.Join(lines, "\n"), m.width, m.height, true)
}

// innerWidth and contentHeight are the frame's inside, and the rows left for content.
func (m Model) innerWidth() int { w, _ := common.FrameInner(m.width, m.height); return w }

func (m Model) contentHeight() int {
	_, h := common.FrameInner(m.width, m.height)
	return max(0, h-chromeLines)
}

// tabBar shows the three tabs, the active one bracketed (visible without colour too), and what
// page is open on the right.
func (m Model) tabBar(w int) string {
	st := m.ctx.Styles
	var b strings.Builder
	for t := range tabCount {
		label := strconv.Itoa(int(t)+1) + " " + t.String()
		if t == m.tab {
			b.WriteString(st.Accent.Render("[" + label + "]"))
		} else {
			b.WriteString(st.Muted.Render(" " + label + " "))
		}
		b.WriteString(" ")
	}
	left := b.String()
	right := ""
	switch m.page {
	case pageExchange:
		right = "request #" + strconv.FormatInt(m.pageEx.ID, 10)
	case pageEvent:
		right = "event " + m.pageEv.Kind.String()
	case pageDiff:
		right = "diff: last good vs failing"
	}
	if right != "" {
		right = st.Faint.Render(right + " · esc back")
	}
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return fit(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// content is the open page's visible lines, or the current tab's.
func (m Model) content(w, h int) []string {
	if m.page != pageNone {
		return window(m.pageLines, m.scroll, h)
	}
	switch m.tab {
	case tabTimeline:
		return m.timelineList(w, h)
	case tabRequests:
		return m.requestsList(w, h)
	case tabDoctor:
		return window(m.doc.lines, m.scroll, h)
	}
	return window(m.tokenLines(w), m.scroll, h)
}

// footer is the pending question, the paste input, the last action's outcome, or a scroll hint.
func (m Model) footer(w int) string {
	st := m.ctx.Styles
	switch {
	case m.pasting:
		return m.input.View()
	case m.confirm == confirmLogout:
		return fit(st.Warning.Render("Log out: forget the token, the credentials and the stored copy? y/n"), w)
	case m.confirm == confirmCurlToken:
		return fit(st.Warning.Render("Include the REAL token (fp:"+m.snap.token.Fingerprint+") in the curl command? y/n"), w)
	case m.confirm == confirmCurlTokenFile:
		return fit(st.Warning.Render("Write the REAL token (fp:"+m.snap.token.Fingerprint+") into a curl file (mode 0600)? y/n"), w)
	case m.status != "" && m.statusErr:
		return fit(st.Error.Render("✗ "+clean(m.status)), w)
	case m.status != "":
		return fit(st.Info.Render(clean(m.status)), w)
	}
	if n := m.scrollable(); n > m.contentHeight() {
		return fit(st.Faint.Render("lines "+strconv.Itoa(m.scroll+1)+"–"+
			strconv.Itoa(min(n, m.scroll+m.contentHeight()))+" of "+strconv.Itoa(n)), w)
	}
	return ""
}

// scrollable is the length of the text the scroll keys move through (0 for a list).
func (m Model) scrollable() int {
	if m.page != pageNone {
		return len(m.pageLines)
	}
	switch m.tab {
	case tabToken:
		return len(m.tokenLines(m.innerWidth()))
	case tabDoctor:
		return len(m.doc.lines)
	}
	return 0
}

// window returns at most h lines of lines starting at from.
func window(lines []string, from, h int) []string {
	from = clamp(from, 0, len(lines))
	return lines[from:min(len(lines), from+h)]
}

// clean makes text from the server (or anything else not ours) safe for the screen: JWT-looking
// runs are redacted as a last line of defence, then control characters are escaped.
func clean(s string) string { return display.Line(session.RedactJWTs(s)) }

// fit cuts a line to w cells with an ellipsis.
func fit(s string, w int) string { return ansi.Truncate(s, w, "…") }

// pad fills or cuts s to exactly w cells.
func pad(s string, w int) string {
	s = fit(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// clock formats a time of day in local time for lists.
func clock(t time.Time) string {
	if t.IsZero() {
		return "--:--:--"
	}
	return t.Local().Format(time.TimeOnly)
}

// stamp formats a full local time for details.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Local().Format("2006-01-02 15:04:05 MST")
}

// relative says how far t is from now: "in 41m12s", "18m48s ago". Empty when now is unknown.
func relative(t, now time.Time) string {
	if now.IsZero() || t.IsZero() {
		return ""
	}
	return display.Relative(t, now)
}

// fpText shows a fingerprint, or a dash when there is none.
func fpText(fp string) string {
	if fp == "" {
		return "—"
	}
	return "fp:" + fp
}

// wrapText splits text into lines of at most w cells, each cleaned first (so a newline or escape
// inside server text cannot break the layout) and indented by indent.
func wrapText(text string, w int, indent string) []string {
	var out []string
	width := max(1, w-ansi.StringWidth(indent))
	for _, line := range strings.Split(text, "\n") {
		line = clean(strings.TrimSuffix(line, "\r"))
		if line == "" {
			out = append(out, indent)
			continue
		}
		for _, part := range strings.Split(ansi.Wrap(line, width, ""), "\n") {
			out = append(out, indent+part)
		}
	}
	return out
}

// fieldLines is "Label       value" with the value wrapped under itself (a hanging indent).
func fieldLines(label, value string, w int) []string {
	lines := wrapText(value, w, strings.Repeat(" ", labelWidth))
	if len(lines) > 0 {
		lines[0] = pad(label, labelWidth) + lines[0][labelWidth:]
	}
	return lines
}
