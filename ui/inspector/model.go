package inspector

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// tab is one of the inspector's three tabs.
type tab int

const (
	tabToken tab = iota
	tabTimeline
	tabRequests
	tabDoctor
	tabCount
)

// String names the tab as its label shows it.
func (t tab) String() string {
	switch t {
	case tabTimeline:
		return "Timeline"
	case tabRequests:
		return "Requests"
	case tabDoctor:
		return "Doctor"
	}
	return "Token"
}

// page is a full view opened over a tab's list.
type page int

const (
	pageNone     page = iota
	pageExchange      // one request whole
	pageEvent         // one timeline event whole
	pageDiff          // last good request against the failing one
)

// confirm is the yes/no question on show, if any.
type confirm int

const (
	confirmNone          confirm = iota
	confirmLogout                // forget the token and its stored copy?
	confirmCurlToken             // put the real token in the curl command?
	confirmCurlTokenFile         // write a curl command holding the real token to a file?
)

// pasteLimit bounds the paste-a-token input; real tokens are under 2 KiB and session.ParseToken
// only decodes the first 16 KiB anyway.
const pasteLimit = 16 << 10

// snapshot is what the inspector last read from its Source.
type snapshot struct {
	token      session.Token
	hasToken   bool
	events     []session.Event    // oldest first
	exchanges  []session.Exchange // oldest first
	endpoint   string
	canRelogin bool
	// The diff pair and the Unauthorized flags, recomputed only when the exchange log changes
	// (classifying may decode bodies). The map is replaced, never modified, so copies of the
	// model can share it.
	good, bad    session.Exchange
	diffOK       bool
	unauthorized map[int64]bool
}

// Model is the auth inspector. Leaf-component conventions (bubbles): Update and View use value
// receivers and return the concrete type; the setters the root calls (SetSize, Refresh) take a
// pointer.
type Model struct {
	ctx  *common.Context
	src  Source
	keys KeyMap

	width, height int
	tab           tab
	snap          snapshot

	// Selections index the lists newest first (the top row is the latest).
	evSel, exSel int

	// The open page, built once (bodies can be large) and rebuilt on resize.
	page      page
	pageEx    session.Exchange
	pageEv    session.Event
	pageLines []string
	scroll    int // first line shown of the page or of the Token tab

	revealed bool // the raw token is on screen (Token tab, View only)
	confirm  confirm
	pasting  bool
	input    textinput.Model

	status    string // the outcome of the last action, cleared on the next key
	statusErr bool

	doc doctorState // the Doctor tab: the last report, or the run in progress
}

// New builds an inspector reading src, on the Token tab.
func New(ctx *common.Context, src Source) Model {
	in := textinput.New()
	in.Prompt = "token> "
	in.Placeholder = "paste a token (or Bearer …)"
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.CharLimit = pasteLimit
	in.PromptStyle = ctx.Styles.Muted
	in.PlaceholderStyle = ctx.Styles.Faint
	in.Cursor.Style = ctx.Styles.Accent
	m := Model{ctx: ctx, src: src, keys: DefaultKeyMap(), input: in}
	m.refresh()
	return m
}

// The inspector keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// SetSize sets the area the inspector fills, border included.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	m.input.Width = max(10, width-12)
	m.rebuildPage()
	m.rebuildDoctor()
	m.clampScroll()
	return m
}

// CapturesKeys reports whether a text input has focus (the paste-token field): the root must then
// send every key here, single letters included.
func (m Model) CapturesKeys() bool { return m.pasting }

// Help returns the bindings that act in the current state, for the root's help line and overlay.
func (m Model) Help() help.KeyMap { return m.keys }

// KeyMap returns the bindings, enabled for the current state.
func (m Model) KeyMap() KeyMap { return m.keys }

// Refresh re-reads the source; Update does the same on common.RefreshMsg, which the root sends on
// every tick and session event while the inspector is open. It copies in-memory snapshots only.
// A selection stays on its item when newer ones arrive, unless it was on the newest, which it
// keeps following.
func (m Model) Refresh() Model {
	m.refresh()
	return m
}

// refresh is Refresh in place.
func (m *Model) refresh() {
	prev := m.snap
	selEx, hadEx := m.selectedExchange()
	selEv, hadEv := m.selectedEvent()

	var s snapshot
	s.token, s.hasToken = m.src.Token()
	s.events = m.src.Timeline()
	s.exchanges = m.src.Exchanges()
	s.endpoint = m.src.Endpoint()
	s.canRelogin = true
	if c, ok := m.src.(credentialHolder); ok {
		s.canRelogin = c.HasCredentials()
	}
	if exchangesChanged(prev.exchanges, s.exchanges) || prev.unauthorized == nil {
		s.good, s.bad, s.diffOK = session.LastGoodAndFailing(s.exchanges)
		s.unauthorized = classify(s.exchanges, prev.unauthorized)
	} else {
		s.good, s.bad, s.diffOK, s.unauthorized = prev.good, prev.bad, prev.diffOK, prev.unauthorized
	}
	m.snap = s

	// A reveal is for the token the user chose to see: a rotation puts a different secret in
	// its place, so hide it again rather than show a token nobody asked for.
	if m.revealed && s.token.Fingerprint != prev.token.Fingerprint {
		m.revealed = false
	}
	if hadEx && m.exSel > 0 {
		m.exSel = m.indexOfExchange(selEx.ID, m.exSel)
	}
	if hadEv && m.evSel > 0 {
		m.evSel = m.indexOfEvent(selEv, m.evSel)
	}
	m.exSel = clamp(m.exSel, 0, len(s.exchanges)-1)
	m.evSel = clamp(m.evSel, 0, len(s.events)-1)
	if m.page == pageDiff && (s.bad.ID != prev.bad.ID || s.good.ID != prev.good.ID) {
		m.rebuildPage()
	}
	m.clampScroll()
	m.syncKeys()
}

// exchangesChanged tells whether the log gained or lost entries (exchanges never change once
// recorded, and IDs only grow).
func exchangesChanged(a, b []session.Exchange) bool {
	if len(a) != len(b) {
		return true
	}
	return len(a) > 0 && a[len(a)-1].ID != b[len(b)-1].ID
}

// classify flags the Unauthorized exchanges, reusing the verdicts already made (an exchange never
// changes once recorded).
func classify(xs []session.Exchange, known map[int64]bool) map[int64]bool {
	out := make(map[int64]bool, len(xs))
	for _, x := range xs {
		v, ok := known[x.ID]
		if !ok {
			v = session.ExchangeUnauthorized(x)
		}
		out[x.ID] = v
	}
	return out
}

// exchangeAt returns the i-th exchange newest first.
func (m Model) exchangeAt(i int) (session.Exchange, bool) {
	xs := m.snap.exchanges
	if i < 0 || i >= len(xs) {
		return session.Exchange{}, false
	}
	return xs[len(xs)-1-i], true
}

// eventAt returns the i-th event newest first.
func (m Model) eventAt(i int) (session.Event, bool) {
	es := m.snap.events
	if i < 0 || i >= len(es) {
		return session.Event{}, false
	}
	return es[len(es)-1-i], true
}

func (m Model) selectedExchange() (session.Exchange, bool) { return m.exchangeAt(m.exSel) }
func (m Model) selectedEvent() (session.Event, bool)       { return m.eventAt(m.evSel) }

// indexOfExchange finds an exchange by ID (newest-first index), or keeps fallback.
func (m Model) indexOfExchange(id int64, fallback int) int {
	xs := m.snap.exchanges
	for i := len(xs) - 1; i >= 0; i-- {
		if xs[i].ID == id {
			return len(xs) - 1 - i
		}
	}
	return fallback
}

// indexOfEvent finds an event by its identifying fields (events have no ID), or keeps fallback.
func (m Model) indexOfEvent(e session.Event, fallback int) int {
	es := m.snap.events
	for i := len(es) - 1; i >= 0; i-- {
		x := es[i]
		if x.Kind == e.Kind && x.Time.Equal(e.Time) && x.ExchangeID == e.ExchangeID && x.Fingerprint == e.Fingerprint {
			return len(es) - 1 - i
		}
	}
	return fallback
}

// findExchange looks an exchange up by ID.
func (m Model) findExchange(id int64) (session.Exchange, bool) {
	for _, x := range m.snap.exchanges {
		if x.ID == id {
			return x, true
		}
	}
	return session.Exchange{}, false
}

// currentExchangeID is the request "copy as curl" reproduces: the one on show or selected, else
// the newest request that carried a token, else the newest; 0 when the log is empty.
func (m Model) currentExchangeID() int64 {
	switch {
	case m.page == pageExchange:
		return m.pageEx.ID
	case m.page == pageDiff && m.snap.diffOK:
		return m.snap.bad.ID
	case m.tab == tabRequests:
		if x, ok := m.selectedExchange(); ok {
			return x.ID
		}
	case m.tab == tabTimeline:
		if e, ok := m.selectedEvent(); ok && e.ExchangeID != 0 {
			if _, found := m.findExchange(e.ExchangeID); found {
				return e.ExchangeID
			}
		}
	}
	xs := m.snap.exchanges
	for i := len(xs) - 1; i >= 0; i-- {
		if xs[i].SentFingerprint != "" {
			return xs[i].ID
		}
	}
	if len(xs) > 0 {
		return xs[len(xs)-1].ID
	}
	return 0
}

// diagnosisFor returns the session's diagnosis of an exchange's Unauthorized, if it made one.
func (m Model) diagnosisFor(id int64) *session.Diagnosis {
	es := m.snap.events
	for i := len(es) - 1; i >= 0; i-- {
		// Newest first: a Replayed or GaveUp event holds the diagnosis with its action.
		if e := es[i]; e.ExchangeID == id && e.Diagnosis != nil && (e.Kind == session.Unauthorized || e.Kind == session.Replayed || e.Kind == session.GaveUp) {
			return e.Diagnosis
		}
	}
	return nil
}

// syncKeys enables exactly the bindings that act in the current state: help then lists only
// those, and key.Matches ignores the rest.
func (m *Model) syncKeys() {
	k := &m.keys
	modal := m.pasting || m.confirm != confirmNone
	browse := !modal
	hasCurrent := m.currentExchangeID() != 0
	enable := func(on bool, bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(on)
		}
	}
	enable(browse, &k.TokenTab, &k.TimelineTab, &k.RequestsTab, &k.DoctorTab, &k.NextTab, &k.PrevTab,
		&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Back, &k.PasteToken)
	enable(browse && m.page == pageNone && m.listLen() > 0, &k.Open)
	enable(browse && m.tab == tabToken && m.page == pageNone && m.snap.hasToken, &k.Reveal)
	enable(browse && m.snap.canRelogin, &k.RefreshNow)
	enable(browse && (m.snap.hasToken || m.snap.canRelogin), &k.Logout)
	enable(browse && hasCurrent, &k.CopyCurl, &k.WriteCurl)
	enable(browse && hasCurrent && m.snap.hasToken, &k.CopyCurlToken, &k.WriteCurlToken)
	// d answers even when there is nothing to compare (it says so), so it can be found and tried.
	enable(browse && m.page != pageDiff, &k.Diff)
	enable(m.pasting, &k.Submit, &k.Cancel)
	enable(m.confirm != confirmNone, &k.Yes, &k.No)
	if m.revealed {
		k.Reveal.SetHelp("r", "hide token")
	} else {
		k.Reveal.SetHelp("r", "reveal token")
	}
	enable(browse && m.tab == tabDoctor && m.page == pageNone && !m.doc.running, &k.RunDoctor)
}

// listLen is the number of rows of the current tab's list (0 for the Token tab).
func (m Model) listLen() int {
	switch m.tab {
	case tabTimeline:
		return len(m.snap.events)
	case tabRequests:
		return len(m.snap.exchanges)
	}
	return 0
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}
