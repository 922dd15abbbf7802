package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
	"github.com/toggle-explorer/toggle-explorer/ui/envpicker"
	"github.com/toggle-explorer/toggle-explorer/ui/historyview"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/login"
	"github.com/toggle-explorer/toggle-explorer/ui/picker"
	"github.com/toggle-explorer/toggle-explorer/ui/prompt"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// Update implements tea.Model; see update. Every command comes back tagged with the tab on show,
// so a tab's news finds it after the user has switched to another (see routeTabMsg).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, tagCmd(m.activeTabID(), cmd)
}

// update routes a message (see route); after it the layout follows the notice line's height: a
// long notice takes a second row from the workspace while it shows, and gives it back when it goes.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	if t, ok := msg.(tabMsg); ok && (!tabPrivate(t.msg) || t.tab == m.activeTabID()) {
		// The app's news, or news of the tab on show (the clock's tick too: it comes back
		// tagged with the tab it was armed on), is routed as if untagged, here rather than by
		// a second pass through route: the event loop's stack stays shallower.
		msg = t.msg
	}
	_, clock := msg.(tickMsg)
	m.clockOnly = clock
	if !clock {
		m.viewGen++ // anything but the clock may change what the panes show
	}
	cmd := m.route(msg)
	if m.noticeRows() != m.laidNoticeRows {
		m.resize()
		m.viewGen++ // the panes' height changed (a tick can expire a two-row notice)
	}
	return cmd
}

// route routes messages: global keys and session traffic here, the rest to the screen on show.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.resize()
		return nil
	case tickMsg:
		m.ctx.Now = time.Time(msg)
		m.takeSnapshot()
		cmd := m.refreshOverlay()
		if m.opts.DisableTick {
			// Whoever drives time (a test) sent this tick; re-arming would start the wall clock.
			return cmd
		}
		return tea.Batch(cmd, tick())
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tabMsg:
		return m.routeTabMsg(msg)
	case editorReadyMsg:
		return m.startEditor(msg)
	case editedMsg:
		return m.routeEdited(msg)
	case login.SubmitMsg:
		return m.startLogin(msg)
	case loginFinishedMsg:
		return m.finishLogin(msg)
	case autoLoginSkippedMsg:
		if msg.id == m.loginID {
			m.login.SetIdle("No valid stored token for this endpoint and user: enter the password.")
		}
		return nil
	case sessionEventMsg:
		return m.handleEvent(msg)
	case sessionClosedMsg:
		return nil
	case rememberedMsg:
		if msg.err != nil {
			m.report(common.InfoMsg{Tone: common.Warning, Text: "could not remember the login: " + msg.err.Error()})
		}
		return nil
	case common.ErrorMsg, common.InfoMsg:
		m.report(msg)
		return nil
	case tokenActionMsg:
		m.takeSnapshot()
		if msg.err != nil {
			m.report(common.ErrorMsg{Err: msg.err})
		} else {
			m.report(common.InfoMsg{Tone: common.Success, Text: msg.what})
		}
		return nil
	case prompt.InputSubmittedMsg:
		switch id := msg.ID.(type) {
		case confirmDialog:
			return m.runConfirmed()
		case picker.DialogID:
			return m.updateOverlay(msg)
		case libraryDialog:
			m.dialog = dialog{}
			if id == dialogSaveAs {
				return m.saveAs(strings.TrimSpace(msg.Value))
			}
		}
		return nil
	case prompt.InputCancelledMsg:
		switch msg.ID.(type) {
		case confirmDialog:
			m.dialog = dialog{}
			m.report(common.InfoMsg{Text: "mutation not sent"})
		case picker.DialogID:
			return m.updateOverlay(msg)
		case libraryDialog:
			m.dialog, m.quitAfterSave = dialog{}, false
		}
		return nil
	case prompt.ChoiceMsg:
		switch id := msg.ID.(type) {
		case picker.DialogID:
			return m.updateOverlay(msg)
		case libraryDialog:
			m.dialog = dialog{}
			return m.answerLibraryDialog(id, msg.Key)
		}
		return nil
	case savedMsg:
		return m.finishSave(msg)
	case reloadedMsg:
		return m.reloaded(msg)
	case picker.OpenMsg:
		return m.openSaved(msg)
	case schemaLoadedMsg:
		return m.applySchema(msg)
	case schemaFailedMsg:
		return m.schemaFailed(msg)
	case docs.RefreshMsg:
		return m.refreshSchema()
	case builder.EditMsg:
		return m.applyBuild(msg)
	case envpicker.ChooseMsg:
		return m.switchProfile(msg.Name)
	case profileSwitchedMsg:
		return m.finishSwitch(msg)
	case workspace.ConfirmMutationMsg:
		m.confirmMutation(msg)
		return nil
	case common.CloseMsg: // from whichever pane is open
		m.closeOverlay()
		return nil
	case historyview.RerunMsg, historyview.LoadMsg, historyview.SaveAsMsg:
		return m.historyMsg(msg)
	case historyview.CompareMsg:
		return m.compareWithHistory(msg.Entry)
	case historyResponseMsg:
		return m.showHistoryComparison(msg)
	case inspector.RefreshNowMsg, inspector.UseTokenMsg, inspector.LogoutMsg,
		inspector.CopyCurlMsg, inspector.CopiedMsg, inspector.RunDoctorMsg, inspector.DoctorDoneMsg:
		return m.updateInspector(msg)
	case workspace.RunFinishedMsg:
		var cmd tea.Cmd
		m.workspace, cmd = m.workspace.Update(msg)
		m.takeSnapshot()
		if msg.HistoryErr != nil {
			m.report(common.InfoMsg{Tone: common.Warning, Text: "history not written: " + msg.HistoryErr.Error()})
		}
		return cmd
	case tea.MouseMsg:
		switch {
		case m.dialog.open(), m.helpOpen:
			return nil
		case m.overlay != nil:
			return m.updateOverlay(msg) // the wheel scrolls lists there too
		}
		return m.routeToScreen(msg)
	}
	// Anything else (command results of a pane, blink and spinner ticks) goes to the open overlay
	// and to the screen below: each ignores what is not its own.
	overlayCmd := m.updateOverlay(msg)
	cmd := m.routeToScreen(msg)
	return tea.Batch(overlayCmd, cmd)
}

// routeToScreen hands a message to the screen on show.
func (m *Model) routeToScreen(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if mouse, ok := msg.(tea.MouseMsg); ok && m.screen == screenWorkspace && m.tabBarShown() {
		// The tab bar is the top row (a click there shows that tab); the workspace's rows start
		// below it.
		if mouse.Y == 0 {
			if i, ok := m.tabAt(mouse.X); ok && mouse.Action == tea.MouseActionPress && mouse.Button == tea.MouseButtonLeft {
				m.switchTab(i)
			}
			return nil
		}
		mouse.Y--
		msg = mouse
	}
	if m.screen == screenWorkspace {
		m.workspace, cmd = m.workspace.Update(msg)
		if note := m.workspace.Note(); note != "" {
			m.report(common.InfoMsg{Text: note})
		}
	} else {
		m.login, cmd = m.login.Update(msg)
	}
	return cmd
}

// handleKey applies the global keys. A dialog takes every key until answered; an overlay takes
// every key but the global ones; single letters never act while a text field has focus (they are
// the field's).
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Quit) {
		return m.requestQuit()
	}
	// The full help sits over everything, dialogs and overlays included, and takes every key
	// until closed. f1 types nothing anywhere, so it opens the help of whatever has the focus.
	if m.helpOpen {
		if key.Matches(msg, m.keys.Close) {
			m.helpOpen = false
		}
		return nil
	}
	if key.Matches(msg, m.keys.Help) {
		m.helpOpen = true
		return nil
	}
	if m.dialog.open() {
		return m.updateDialog(msg)
	}
	if m.overlay != nil {
		if d, ok := common.Unwrap[docs.Model](m.overlay); ok && key.Matches(msg, m.keys.Builder) && m.screen == screenWorkspace {
			m.openBuilder(d.TypeName())
			return nil
		}
		if _, ok := common.Unwrap[builder.Model](m.overlay); ok && key.Matches(msg, m.keys.Run) {
			// Run what was built: close the builder and let the workspace run it.
			m.closeOverlay()
			return m.routeToScreen(msg)
		}
		return m.updateOverlay(msg)
	}
	if key.Matches(msg, m.keys.Environments) {
		// Also from the login form: after a switch it may be the wrong environment after all.
		return m.openEnvironments()
	}
	if m.screen != screenWorkspace {
		return m.routeToScreen(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Inspector):
		m.openInspector()
		return nil
	case key.Matches(msg, m.keys.Save):
		return m.save()
	case key.Matches(msg, m.keys.Open):
		return m.openPicker()
	case key.Matches(msg, m.keys.History):
		return m.openHistory()
	case key.Matches(msg, m.keys.Docs):
		m.openDocs()
		return nil
	case key.Matches(msg, m.keys.Builder):
		m.openBuilder("")
		return nil
	case key.Matches(msg, m.keys.NewTab):
		return m.newTab()
	case key.Matches(msg, m.keys.CloseTab):
		return m.requestCloseTab()
	case key.Matches(msg, m.keys.NextTab):
		m.cycleTab(1)
		return nil
	case key.Matches(msg, m.keys.PrevTab):
		m.cycleTab(-1)
		return nil
	case key.Matches(msg, m.keys.GotoTab):
		m.switchTab(int(msg.Runes[0] - '1'))
		return nil
	case key.Matches(msg, m.keys.Edit):
		return m.openInEditor()
	}
	return m.routeToScreen(msg)
}

// startLogin builds a session for the form's endpoint and logs in with a command.
func (m *Model) startLogin(msg login.SubmitMsg) tea.Cmd {
	sess, err := m.opts.Connect(msg.Endpoint)
	if err != nil {
		m.login.SetError(err.Error(), "")
		return nil
	}
	m.loginID++
	m.identity = msg.Credentials.Identity()
	return loginCmd(m.loginID, sess, msg.Credentials)
}

// finishLogin switches to the workspace on success, or shows the diagnosis on the form.
func (m *Model) finishLogin(msg loginFinishedMsg) tea.Cmd {
	if msg.id != m.loginID {
		return closeSessionCmd(msg.sess)
	}
	if msg.err != nil {
		m.login.SetError(loginFailure(msg.err))
		return closeSessionCmd(msg.sess)
	}
	// The previous session, if any, stops its loop now and closes in a command: Close waits for
	// a token save in flight, which can take as long as the keyring's timeout.
	if m.sessCancel != nil {
		m.sessCancel()
	}
	closePrevious := closeSessionCmd(m.sess)
	m.sess = msg.sess
	m.sessGen++
	ctx, cancel := context.WithCancel(context.Background())
	m.sessCancel = cancel
	m.takeSnapshot()
	var initWorkspace tea.Cmd
	if m.hasWorkspace {
		m.workspace.SetSession(m.sess)
		m.eachInactiveTab(func(ws *workspace.Model) tea.Cmd { ws.SetSession(m.sess); return nil })
	} else {
		m.screen = screenWorkspace
		initWorkspace = m.openFirstTabs()
		m.hasWorkspace = true
	}
	m.screen = screenWorkspace
	m.syncProfile()
	m.resize()
	m.schema, m.schemaNote = nil, ""
	return tea.Batch(
		runSessionCmd(ctx, m.sess),
		listenCmd(m.sessGen, m.sess.Events()),
		rememberCmd(m.opts.Remember, m.sess.Endpoint(), m.identity),
		loadSchemaCmd(m.sessGen, m.sess, m.opts.SchemaFile, m.opts.SchemaCache, true),
		initWorkspace,
		closePrevious,
	)
}

// loginFailure splits a login error into the message and our diagnosis.
func loginFailure(err error) (string, string) {
	var authErr *session.AuthError
	if errors.As(err, &authErr) && authErr.Diagnosis != nil {
		d := authErr.Diagnosis
		return display.Line(d.Summary), display.Line(d.Detail)
	}
	return display.Line(err.Error()), ""
}

// handleEvent takes a new session snapshot and updates the notice from a session event, and re-arms the
// listener.
func (m *Model) handleEvent(msg sessionEventMsg) tea.Cmd {
	if msg.gen != m.sessGen || m.sess == nil {
		return nil
	}
	m.takeSnapshot()
	switch msg.ev.Kind {
	case session.RefreshStarted, session.RefreshEnded, session.AwaitingInFlight:
		// Signals of state the snapshot now shows ("refreshing"); what came of it arrives as
		// its own event, with a notice.
		return listenCmd(msg.gen, m.sess.Events())
	case session.GaveUp:
		if d := msg.ev.Diagnosis; d != nil {
			m.rejected = d.SentFingerprint
		}
	}
	now := m.ctx.Now
	if now.IsZero() {
		now = msg.ev.Time
	}
	m.notice = eventNotice(msg.ev, now)
	if msg.ev.Kind == session.GaveUp && !m.snap.CanLogIn {
		// Nothing will log in by itself (no password held): say how, before the diagnosis.
		m.notice.text = "✗ f2, then L, to log in again · " + strings.TrimPrefix(m.notice.text, "✗ ")
	}
	if m.startNotice.text != "" {
		m.say(m.startNotice.kind, m.startNotice.text)
		m.startNotice = notice{}
	}
	cmd := m.refreshOverlay()
	return tea.Batch(cmd, listenCmd(msg.gen, m.sess.Events()))
}

// takeSnapshot reads the session's state for View in one call (the session is safe to ask; the
// snapshot keeps View a pure function of the model, and one source of truth for every pane).
func (m *Model) takeSnapshot() {
	if m.sess == nil {
		m.snap = session.Snapshot{}
		return
	}
	m.snap = m.sess.Snapshot()
}

// resize hands each screen its share of the terminal: the workspace loses the notice, status and
// help lines; the login screen only the help line.
func (m *Model) resize() {
	w, h := m.ctx.Width, m.ctx.Height
	m.laidNoticeRows = m.noticeRows()
	m.login = m.login.SetSize(w, max(0, h-1))
	if m.overlay != nil {
		m.overlay = m.overlay.SetSize(w, m.overlayHeight())
	}
	if m.dialog.input != nil {
		in := m.dialog.input.SetSize(w, h)
		m.dialog.input = &in
	}
	if m.dialog.choice != nil {
		c := m.dialog.choice.SetSize(w, h)
		m.dialog.choice = &c
	}
	if m.hasWorkspace {
		wh := m.workspaceHeight()
		m.workspace = m.workspace.SetSize(w, wh)
		m.eachInactiveTab(func(ws *workspace.Model) tea.Cmd { *ws = ws.SetSize(w, wh); return nil })
	}
	m.help.Width = w
}
