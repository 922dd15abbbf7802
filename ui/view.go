package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
	"github.com/toggle-explorer/toggle-explorer/ui/statusbar"
)

// View draws the screen on show, the notice, the status bar and the help line.
func (m *Model) View() string {
	w, h := m.ctx.Width, m.ctx.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if v, ok := m.workspaceFrame(); ok {
		return v
	}
	return m.paint(m.frame())
}

// paint gives a block of lines the theme's background (see common.PaintBackground). It works
// line by line, so blocks painted apart and joined with a newline equal the join painted.
func (m *Model) paint(block string) string {
	return common.PaintBackground(block, lipgloss.ColorProfile(), m.ctx.Theme.Palette.Background, m.ctx.Theme.Palette.Foreground, m.ctx.Width)
}

// workspaceFrame draws the workspace screen, when nothing is over it, as frame does, but keeps
// the painted tab bar and panes from one message that is not the clock's to the next: when idle,
// the once-a-second tick then draws the lines under the panes and nothing else. ok is false
// when the fast path does not apply (an overlay, a dialog, help, the login screen, a request in
// flight, or lines under the panes wider than the panes, which would widen them).
func (m *Model) workspaceFrame() (string, bool) {
	if m.helpOpen || m.overlay != nil || m.screen == screenLogin || m.dialog.open() {
		return "", false
	}
	c := m.panes
	if c == nil || m.workspace.Running() {
		return "", false
	}
	if !m.cachedFor(c) || c.top == "" {
		top := m.workspaceView()
		if m.tabBarShown() {
			top = lipgloss.JoinVertical(lipgloss.Left, m.tabBar(), top)
		}
		c.topWidth = lipgloss.Width(top)
		c.top = m.paint(top)
	}
	bottom := lipgloss.JoinVertical(lipgloss.Left, m.noticeLine(), m.statusLine(), m.helpLine())
	if lipgloss.Width(bottom) > c.topWidth {
		return "", false
	}
	// JoinVertical pads every line to the widest; the panes are the widest, so pad these to them.
	return c.top + "\n" + m.paint(padLines(bottom, c.topWidth)), true
}

// padLines pads every line of block with spaces to width cells, as lipgloss.JoinVertical does.
func padLines(block string, width int) string {
	lines := strings.Split(block, "\n")
	for i, l := range lines {
		if pad := width - ansi.StringWidth(l); pad > 0 {
			lines[i] = l + strings.Repeat(" ", pad)
		}
	}
	return strings.Join(lines, "\n")
}

// frame is the whole screen before the theme's background is painted under it.
func (m *Model) frame() string {
	w, h := m.ctx.Width, m.ctx.Height
	var view string
	switch {
	case m.helpOpen:
		return m.fullHelp() // over dialogs too: f1 explains whatever has the focus
	case m.overlay != nil:
		view = m.withStatus(m.overlay.View())
	case m.screen == screenLogin:
		view = lipgloss.JoinVertical(lipgloss.Left, m.login.View(), m.helpLine())
	case m.tabBarShown():
		view = lipgloss.JoinVertical(lipgloss.Left, m.tabBar(), m.workspaceView(), m.noticeLine(), m.statusLine(), m.helpLine())
	default:
		view = lipgloss.JoinVertical(lipgloss.Left, m.workspaceView(), m.noticeLine(), m.statusLine(), m.helpLine())
	}
	if m.dialog.open() {
		view = prompt.Overlay(view, m.dialogBox(), w, h)
	}
	return view
}

// frameCache is the workspace's last rendering and the generation and size it was drawn at,
// and (workspaceFrame) the tab bar and panes painted, with their width.
type frameCache struct {
	gen           uint64
	width, height int
	view          string
	valid         bool
	top           string
	topWidth      int
}

// cachedFor reports whether c holds what this model would draw: only the clock has moved since.
func (m *Model) cachedFor(c *frameCache) bool {
	return m.clockOnly && c.valid && c.gen == m.viewGen && c.width == m.ctx.Width && c.height == m.ctx.Height
}

// workspaceView is the workspace's rendering, reused when only the clock has moved since it was
// drawn: when idle the once-a-second tick changes the status bar (the token's age), not the
// panes, so it must not cost a redraw of the editor and the results. After any other message the
// panes are drawn afresh (and kept), and so is a request in flight, which shows its elapsed time.
func (m *Model) workspaceView() string {
	c := m.panes
	if c == nil || m.workspace.Running() {
		return m.workspace.View()
	}
	if !m.cachedFor(c) {
		*c = frameCache{gen: m.viewGen, width: m.ctx.Width, height: m.ctx.Height, view: m.workspace.View(), valid: true}
	}
	return c.view
}

// statusLine is the status bar.
func (m *Model) statusLine() string { return statusbar.Render(m.ctx, m.statusSnapshot(), m.ctx.Width) }

// statusSnapshot gathers what the status bar shows.
func (m *Model) statusSnapshot() statusbar.Snapshot {
	s := statusbar.Snapshot{Identity: m.identity, Token: m.snap.Token, Refresh: refreshState(m.snap),
		Insecure: m.opts.Insecure, Rejected: m.rejected, Profile: m.profile.Name, Protected: m.profile.Protected}
	if m.sess != nil {
		s.Endpoint = m.sess.Endpoint()
	}
	if m.hasWorkspace {
		s.Last = m.workspace.LastRequest()
	}
	return s
}

// refreshState is what the status bar says of the session's refresh.
func refreshState(s session.Snapshot) statusbar.RefreshState {
	switch {
	case s.Refreshing:
		return statusbar.RefreshRunning
	case s.RefreshFailures > 0:
		return statusbar.RefreshFailedLast
	}
	return statusbar.RefreshIdle
}

// noticeLine is the latest notice, or a blank line. A notice wider than the screen wraps onto a
// second line (the workspace gives up a row for it, see noticeRows) rather than losing its end.
func (m *Model) noticeLine() string {
	text, style := m.noticeContent()
	if text == "" {
		return ""
	}
	lines := noticeLines(text, m.ctx.Width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// noticeContent is what the notice line says now and its style: the latest notice while it lasts,
// else a problem message the pane title had no room for, else the startup warning (a broken
// config), else nothing.
func (m *Model) noticeContent() (string, lipgloss.Style) {
	st := m.ctx.Styles
	n := m.notice
	if !n.visible(m.ctx.Now) {
		if m.screen != screenWorkspace || !m.hasWorkspace {
			return "", st.Info
		}
		// A problem message the pane title had no room for, while nothing else is to be said.
		if m.overlay == nil {
			if p := m.workspace.CutProblem(); p != "" {
				return "✗ " + display.Line(p), st.Error
			}
		}
		if m.opts.StartupWarning != "" {
			return "⚠ " + display.Line(m.opts.StartupWarning), st.Warning
		}
		return "", st.Info
	}
	style := st.Info
	switch n.kind {
	case noticeGood:
		style = st.Success
	case noticeWarn:
		style = st.Warning
	case noticeError:
		style = st.Error
	}
	return n.text, style
}

// noticeRows is how many lines the notice line takes now: 1, or 2 when its text is wider than
// the screen.
func (m *Model) noticeRows() int {
	text, _ := m.noticeContent()
	return len(noticeLines(text, m.ctx.Width))
}

// noticeLines lays a notice out in width columns: one line when it fits, else wrapped at word
// boundaries onto two, the second cut with "…" only when even two lines are not enough. Each line
// starts with a space, as the notice always has.
func noticeLines(text string, width int) []string {
	line := " " + text
	if width <= 0 || ansi.StringWidth(line) <= width {
		return []string{line}
	}
	wrapped := strings.Split(ansi.Wrap(text, max(1, width-1), ""), "\n")
	first := " " + wrapped[0]
	rest := strings.TrimSpace(strings.Join(wrapped[1:], " "))
	return []string{first, ansi.Truncate(" "+rest, width, "…")}
}

// helpLine is the one-line hint built from the focused pane's keys and the global ones.
func (m *Model) helpLine() string {
	return " " + common.ShortHelpLine(m.help, m.screenHelp().ShortHelp(), max(0, m.ctx.Width-1))
}

// screenHelp joins the global bindings with the screen's.
func (m *Model) screenHelp() help.KeyMap {
	screen := m.login.Help()
	// Only the workspace itself takes the global keys (see update): on the login screen, in a
	// dialog or an overlay they would do nothing, so there the help names f1 and ctrl+c alone.
	var global help.KeyMap = common.Bindings{m.keys.Help, m.keys.Quit}
	switch {
	case m.dialog.open():
		screen = m.dialogKeys()
	case m.overlay != nil:
		screen = m.overlay.Help()
		if _, ok := common.Unwrap[builder.Model](m.overlay); ok {
			// ctrl+r runs what was built: the root handles it, so the builder's help would not say so.
			screen = common.JoinHelp(common.Bindings{m.keys.Run}, screen)
		}
		if _, ok := common.Unwrap[docs.Model](m.overlay); ok && m.screen == screenWorkspace {
			// f6 opens the builder from the docs (at the type on show): the root handles it too.
			screen = common.JoinHelp(common.Bindings{m.keys.Builder}, screen)
		}
	case m.screen == screenWorkspace:
		screen = m.workspace.Help()
		global = m.keys
	}
	// The global keys come first because help truncates from the end: placed last, "ctrl+c quit"
	// (and at 80 columns "f1 help") fell off the help line and out of the full help overlay.
	return common.JoinHelp(global, screen)
}

// fullHelp is the f1 overlay: every binding of the screen and the app, in columns. Columns that
// do not fit beside each other go on further rows rather than being cut off.
func (m *Model) fullHelp() string {
	st := m.ctx.Styles
	avail := max(20, m.ctx.Width-st.Overlay.GetHorizontalFrameSize()-2)
	h := m.help
	h.Width = 0 // no truncation: the rows below are sized to fit
	var rows []string
	var row [][]key.Binding
	for _, group := range m.screenHelp().FullHelp() {
		candidate := append(append([][]key.Binding{}, row...), group)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(candidate)) > avail {
			rows = append(rows, h.FullHelpView(row))
			candidate = [][]key.Binding{group}
		}
		row = candidate
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	body := st.Accent.Render("Keys") + st.Faint.Render("   esc or f1 closes") + "\n\n" + strings.Join(rows, "\n\n")
	box := st.Overlay.MaxWidth(m.ctx.Width).MaxHeight(m.ctx.Height).Render(body)
	return lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, box)
}
