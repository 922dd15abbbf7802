package results

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Model is the results pane. Like the bubbles components, Update and View
// use value receivers and Update returns the concrete Model; the setters
// that only change configuration use pointer receivers.
type Model struct {
	styles *Styles   // shared by copies: styles are replaced, never changed in place
	sgr    *sgrTable // derived from styles; immutable, shared by copies
	keys   KeyMap

	doc          *Document
	width        int
	height       int
	focused      bool
	loading      bool
	titleInFrame bool // the status line is the parent frame's title (see SetTitleInFrame)
	lineNumbers  bool

	top   int    // first visible body row (rows differ from lines where folds hide lines)
	cur   int    // the cursor's row: what fold, copy and table act on
	x0    int    // first visible column
	folds *folds // folded containers; nil when none

	// The search, filter and write-to-file input lines (inputs.go).
	inputs common.Shared[inputLines]

	// Search state. matches are byte offsets into doc.Bytes(), sorted.
	searching bool // the input line is open and has the keys
	searchID  int  // bumped per query so stale results are dropped
	query     string
	matches   []int32
	capped    bool
	current   int // index into matches, -1 if none
	savedTop  int // scroll position when the search began, for esc
	savedX    int
	savedCur  int

	errIndex int // selected error, -1 if none

	// jq filter state (filter.go). orig is the unfiltered document while a
	// filter's output is on show.
	filtering    bool // the filter line is open and has the keys
	filterExpr   string
	filterErr    string
	filterID     int
	filterBusy   bool
	cancelFilter context.CancelFunc
	debounce     time.Duration
	orig         *Document
	outputs      int
	resume       string // a filter to apply to the next document (see ResumeFilter)

	// The table view (tableview.go), when on.
	table     tableView
	tableOn   bool
	tableBusy bool // a table is being built

	// The write-to-file prompt (save.go).
	save     int
	saveData func() []byte // what a save writes, called in the write's command
	saveWhat string

	clip func(string) error // puts text on the clipboard (SetClipboard)

	// Compare (diff.go): the previous response, and the comparison on show.
	prev *Document
	diff *diffResult
	base *Document // what the comparison last started was made against (prev, or CompareWith's)
}

// New returns an empty results pane (showing the "run a query" hint).
func New(s Styles, k KeyMap) Model {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search"
	// A static cursor: a blinking one would redraw the whole program twice
	// a second while the input is open.
	in.Cursor.SetMode(cursor.CursorStatic)
	fl := textinput.New()
	fl.Prompt = "| "
	fl.Placeholder = "jq filter, e.g. .data.Cards.data[] | {id, balance}"
	fl.Cursor.SetMode(cursor.CursorStatic)
	sv := textinput.New()
	sv.Prompt = "write to: "
	sv.Cursor.SetMode(cursor.CursorStatic)
	m := Model{keys: k, inputs: common.Share(inputLines{search: in, filter: fl, save: sv}), lineNumbers: true, current: -1, errIndex: -1, debounce: FilterDebounce}
	m.SetStyles(s)
	m.SetClipboard(common.WriteClipboard)
	return m
}

// SetStyles replaces the styles (for example after a theme change).
func (m *Model) SetStyles(s Styles) {
	m.styles = &s
	m.sgr = compileSGR(s)
	in := m.inputs.Edit()
	for _, line := range []*textinput.Model{&in.search, &in.filter, &in.save} {
		line.PromptStyle = s.SearchPrompt
		line.TextStyle = s.JSON.Plain
		line.Cursor.Style = s.JSON.Plain
		line.Cursor.TextStyle = s.JSON.Plain
	}
	in.search.PlaceholderStyle = s.Hint
	in.filter.PlaceholderStyle = s.Hint
	m.table.styles = m.styles
}

// SetDocument shows a prepared response, resetting scroll, search, the
// selected error and the loading state. A nil document returns to the empty
// state.
func (m Model) SetDocument(d *Document) Model {
	if src := m.source(); d != nil && src != nil && src.json && src.lz == nil && len(src.text) <= maxPrevBytes {
		m.prev = src
	}
	m.diff = nil
	m.resume = ""
	if m.orig != nil && m.filterExpr != "" {
		m.resume = m.filterExpr // a new page or run keeps the filter (ResumeFilter)
	}
	m.stopFilter()
	m.filterID++
	m.orig, m.filterExpr, m.filterErr, m.outputs, m.filtering = nil, "", "", 0, false
	m.editFilter().Blur()
	m.doc = d
	m.top, m.cur, m.x0 = 0, 0, 0
	m.folds = nil
	m.tableOn = false
	m.closeSave()
	m.clearSearch()
	m.searching = false
	m.editSearch().Blur()
	m.editSearch().SetValue("")
	m.errIndex = -1
	m.loading = false
	m.syncKeys()
	return m
}

// ReplaceDocument swaps the whole document in for the partial one on show (see PrepareHead),
// keeping the scroll position, the previous response (for compare) and a filter waiting to be
// resumed; anything else is SetDocument.
func (m Model) ReplaceDocument(d *Document) Model {
	if m.doc == nil || !m.doc.partial {
		return m.SetDocument(d)
	}
	top, x0, prev, resume := m.top, m.x0, m.prev, m.resume
	m = m.SetDocument(d)
	m.top, m.x0, m.prev, m.resume = top, x0, prev, resume
	m.clampScroll()
	return m
}

// Document returns the document on show, or nil.
func (m Model) Document() *Document { return m.doc }

// SetSize sets the pane's outer size in cells.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	in := m.inputs.Edit()
	in.search.Width = max(1, m.width-len(in.search.Prompt)-12)
	// The filter line leaves room for its count ("12,345 outputs", "filtering… (esc stops)"):
	// in colour the input's padding ends in SGR codes and cannot be trimmed to make room.
	in.filter.Width = max(1, m.width-len(in.filter.Prompt)-1-min(filterCountRoom, m.width/2))
	in.save.Width = max(1, m.width-len(in.save.Prompt)-1)
	m.table = m.table.SetSize(m.width, m.tableHeight())
	m.clampScroll()
	return m
}

// Help returns the pane's bindings (the Model is itself a help.KeyMap).
func (m Model) Help() help.KeyMap { return m }

// The results pane keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// SetTitleInFrame moves the status line (status, duration, size, errors) out of the pane, for a
// parent that puts Summary in the pane's frame title instead; the body gains a line.
func (m *Model) SetTitleInFrame(on bool) {
	m.titleInFrame = on
	m.clampScroll()
}

// SetLoading switches the "Running…" state on or off. The spinner, if any,
// is the app's; the pane only shows the word.
func (m *Model) SetLoading(on bool) { m.loading = on }

// SetLineNumbers shows or hides the line-number gutter (on by default).
func (m *Model) SetLineNumbers(on bool) {
	m.lineNumbers = on
	m.clampScroll()
}

// Focus gives the pane the keyboard. It returns the search input's cursor
// command when a search was open, which the caller must pass on.
func (m *Model) Focus() tea.Cmd {
	m.focused = true
	if m.searching {
		return m.editSearch().Focus()
	}
	if m.filtering {
		return m.editFilter().Focus()
	}
	return nil
}

// Blur takes the keyboard away; a blurred pane ignores keys.
func (m *Model) Blur() {
	m.focused = false
	m.editSearch().Blur()
	m.editFilter().Blur()
}

// Focused reports whether the pane has the keyboard.
func (m Model) Focused() bool { return m.focused }

// InputFocused reports whether the search input has the keys, in which case
// the app must not treat single letters (or esc) as its own shortcuts.
func (m Model) InputFocused() bool {
	return m.focused && (m.searching || m.filtering || m.save != saveOff)
}

// ShortHelp implements help.KeyMap with the bindings that apply now.
func (m Model) ShortHelp() []key.Binding {
	if keys := m.saveKeys(); keys != nil {
		return keys
	}
	if m.searching {
		return []key.Binding{m.keys.AcceptSearch, m.keys.CancelSearch}
	}
	if m.filtering {
		return []key.Binding{m.keys.AcceptFilter, m.keys.CancelFilter}
	}
	if m.tableOn {
		return m.table.keys.ShortHelp()
	}
	return m.keys.ShortHelp()
}

// FullHelp implements help.KeyMap.
func (m Model) FullHelp() [][]key.Binding {
	if keys := m.saveKeys(); keys != nil {
		return [][]key.Binding{keys}
	}
	if m.searching {
		return [][]key.Binding{{m.keys.AcceptSearch, m.keys.CancelSearch}}
	}
	if m.filtering {
		return [][]key.Binding{{m.keys.AcceptFilter, m.keys.CancelFilter}}
	}
	if m.tableOn {
		return m.table.keys.FullHelp()
	}
	return m.keys.FullHelp()
}

// syncKeys enables only the bindings that can do something, so help is
// accurate.
func (m *Model) syncKeys() {
	hasErrs := m.doc != nil && len(m.doc.meta.Errors) > 0
	m.keys.NextError.SetEnabled(hasErrs)
	m.keys.PrevError.SetEnabled(hasErrs)
	m.keys.NextMatch.SetEnabled(len(m.matches) > 0)
	m.keys.PrevMatch.SetEnabled(len(m.matches) > 0)
	m.keys.ClearFilter.SetEnabled(m.orig != nil || m.filterBusy)
	var pg PageInfo
	if m.doc != nil {
		pg = m.doc.meta.Page
	}
	m.keys.NextPage.SetEnabled(pg.Pages > 0 && pg.Current < pg.Pages)
	m.keys.PrevPage.SetEnabled(pg.Pages > 0 && pg.Current > 1)
	// On while a comparison shows, whatever it was made against, so D can end it.
	m.keys.Compare.SetEnabled((m.prev != nil || m.diff != nil) && m.doc != nil && m.doc.json && m.orig == nil)
}

// clearSearch forgets the matches and makes any search in flight stale.
func (m *Model) clearSearch() {
	m.searchID++
	m.query, m.matches, m.capped, m.current = "", nil, false, -1
}
