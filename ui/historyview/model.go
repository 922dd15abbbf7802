package historyview

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"

	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// Model is the history browser. Value receivers throughout; keep the Model each call returns.
type Model struct {
	ctx    *common.Context
	keys   KeyMap
	code   editor.Styles // the preview's read-only editors
	filter textinput.Model

	entries  []history.Entry
	hay      []string // per entry: operation, endpoint and document, lower-cased, for the filter
	warnings []string
	loadErr  string
	loaded   bool

	hits []int             // indexes into entries that pass the filter, newest first
	list common.ListCursor // Index into hits, Offset the first hit drawn

	// shown says what the preview parts were built for: the entry and the pane's size.
	shown    previewKey
	header   []string
	docView  editor.Model
	varsView editor.Model

	// profile is the environment in use; scoped limits the list to its entries.
	profile string
	scoped  bool

	width, height int
}

// New builds the browser over entries (newest first) with the load's warnings. Nil entries mean
// the history is still being read: a LoadedMsg fills it in.
func New(ctx *common.Context, entries []history.Entry, warnings []string) Model {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = "filter by operation, endpoint or document"
	in.PromptStyle = ctx.Styles.Accent
	in.PlaceholderStyle = ctx.Styles.Faint
	in.Cursor.Style = ctx.Styles.Accent
	in.Cursor.SetMode(cursor.CursorStatic) // no blink ticks to route, stable goldens
	in.Focus()
	m := Model{ctx: ctx, keys: DefaultKeyMap(), code: editor.DefaultStyles(ctx.Theme), filter: in}
	if entries != nil || warnings != nil {
		m = m.load(LoadedMsg{Entries: entries, Warnings: warnings})
	}
	return m.withPreview()
}

// SetSize sets the browser's size; it fills it whole.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	w, _ := common.FrameInner(m.width, 0)
	m.filter.Width = max(1, w-len(m.filter.Prompt)-1)
	return m.scrollToCursor().withPreview()
}

// CapturesKeys reports that the browser takes every key: its filter field always has focus, so
// the root must not treat letters as shortcuts.
func (m Model) CapturesKeys() bool { return true }

// KeyMap returns the browser's bindings (actions disabled while no entry is selected).
func (m Model) KeyMap() KeyMap { return m.keys }

// The history browser keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// Help returns the keys that work now, for the root's help line.
func (m Model) Help() help.KeyMap { return m.keys }

// Filter returns the filter text.
func (m Model) Filter() string { return m.filter.Value() }

// Visible returns the entries that pass the filter, newest first.
func (m Model) Visible() []history.Entry {
	out := make([]history.Entry, len(m.hits))
	for i, h := range m.hits {
		out[i] = m.entries[h]
	}
	return out
}

// Selected returns the selected entry, and false when there is none.
func (m Model) Selected() (history.Entry, bool) {
	if m.list.Index < 0 || m.list.Index >= len(m.hits) {
		return history.Entry{}, false
	}
	return m.entries[m.hits[m.list.Index]], true
}

// load takes a LoadedMsg: entries, warnings, or why the history could not be read.
func (m Model) load(msg LoadedMsg) Model {
	m.loaded = true
	m.warnings = msg.Warnings
	m.loadErr = ""
	if msg.Err != nil {
		m.loadErr = msg.Err.Error()
	}
	m.entries = msg.Entries
	m.hay = make([]string, len(msg.Entries))
	for i, e := range msg.Entries {
		m.hay[i] = strings.ToLower(e.Operation + "\n" + e.Profile + "\n" + e.Endpoint + "\n" + e.Document)
	}
	m.list = common.ListCursor{}
	return m.refilter()
}

// refilter keeps the entries whose operation, endpoint or document holds the filter text
// (ignoring case), and selects the newest of them.
func (m Model) refilter() Model {
	needle := strings.ToLower(m.filter.Value())
	m.hits = m.hits[:0:0]
	for i, h := range m.hay {
		if strings.Contains(h, needle) && m.inScope(m.entries[i]) {
			m.hits = append(m.hits, i)
		}
	}
	m.list = common.ListCursor{}
	m.keys = m.keys.withSelection(len(m.hits) > 0)
	return m.scrollToCursor()
}

// move moves the selection by delta rows, stopping at the ends.
func (m Model) move(delta int) Model {
	m.list = m.list.Move(delta, len(m.hits), m.listRows())
	return m
}

// scrollToCursor keeps the selected row inside the visible rows.
func (m Model) scrollToCursor() Model {
	m.list = m.list.Fit(len(m.hits), m.listRows())
	return m
}
