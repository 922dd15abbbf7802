package picker

import (
	"cmp"
	"maps"
	"slices"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
)

// item is one saved query with what filtering needs, computed once per listing.
type item struct {
	entry   saved.Entry
	display string // the name as drawn (sanitised)
	orig    []rune // display as runes: match positions index it
	lower   []rune // orig lower-cased, for case-insensitive matching
}

// hit is an item that passes the filter.
type hit struct {
	item      int   // index into Model.items
	score     int   // fuzzy score (0 with no filter)
	positions []int // matched runes of the item's display name
}

// cached is a preview cache entry: a saved query read for the preview, why it could not be read, or
// (pending) that it has been asked for.
type cached struct {
	saved   saved.Query
	err     error
	pending bool
}

// Model is the saved-queries picker. Value receivers throughout; keep the Model each call returns.
type Model struct {
	ctx    *common.Context
	lib    *saved.Library
	keys   KeyMap
	styles styles
	filter textinput.Model

	items   []item
	hits    []hit
	op      int               // the operation of the selected query to open at (index into its Operations)
	list    common.ListCursor // Index into hits, Offset the first hit drawn
	loaded  bool
	loadErr string

	// seq numbers listing requests (a rename's listing included); applied is the newest one
	// shown, so an older listing arriving late is dropped.
	seq, applied int
	// gen is the listing generation: previews asked in an older one are dropped.
	gen int
	// previews caches by name what was read, for the current generation. The map is replaced,
	// never written in place, so copies of the Model do not see each other's changes.
	previews map[string]cached
	// shown says what the preview views were built for; header, docView and varsView are the
	// preview pane's parts: lines about the query, and read-only editors that highlight the
	// document and the variables.
	shown    previewKey
	header   []string
	docView  editor.Model
	varsView editor.Model

	dialog  dialog
	dialogs int // dialogs opened so far, for unique prompt IDs

	note    string // last change done, for the status line
	errText string // last failure, for the status line

	width, height int
}

// New builds the picker showing entries (nil while the listing is still to come: Init asks for
// it). lib is where the picker reads previews and makes changes; its directory is named in the
// empty state.
func New(ctx *common.Context, lib *saved.Library, entries []saved.Entry) Model {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = "type to filter"
	in.PromptStyle = ctx.Styles.Accent
	in.PlaceholderStyle = ctx.Styles.Faint
	in.Cursor.Style = ctx.Styles.Accent
	in.Cursor.SetMode(cursor.CursorStatic) // no blink ticks to route, stable goldens
	in.Focus()
	m := Model{
		ctx:    ctx,
		lib:    lib,
		keys:   DefaultKeyMap(),
		styles: newStyles(ctx),
		filter: in,
		// Request 1 is Init's listing.
		seq: 1,
	}
	if entries != nil {
		m = m.setEntries(entries, "")
	}
	return m.withPreviewViews()
}

// Init lists the library (even when New was given entries: they may be old). The preview of the
// selection is asked for when the listing arrives.
func (m Model) Init() tea.Cmd { return m.listCmd(1) }

// SetSize sets the picker's size; it fills it whole.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = max(0, width), max(0, height)
	m.filter.Width = max(1, m.listInnerWidth()-len(m.filter.Prompt)-1)
	m.dialog = m.dialog.setSize(m.width, m.height)
	return m.scrollToCursor().withPreviewViews()
}

// CapturesKeys reports that the picker takes every key: its filter field (or a prompt) always
// has focus, so the root must not treat letters as shortcuts.
func (m Model) CapturesKeys() bool { return true }

// KeyMap returns the picker's bindings (actions on a query disabled while none is selected).
func (m Model) KeyMap() KeyMap { return m.keys }

// The saved-queries picker keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// Help returns the keys that work now: a prompt's while one is open, else the picker's.
func (m Model) Help() help.KeyMap {
	if h, ok := m.dialog.help(); ok {
		return h
	}
	return m.keys
}

// Filter returns the filter text.
func (m Model) Filter() string { return m.filter.Value() }

// Visible returns the names that pass the filter, best match first.
func (m Model) Visible() []string {
	out := make([]string, len(m.hits))
	for i, h := range m.hits {
		out[i] = m.items[h.item].entry.Name
	}
	return out
}

// Selected returns the selected query's name, and false when nothing is selected.
func (m Model) Selected() (string, bool) {
	e, ok := m.selectedEntry()
	return e.Name, ok
}

func (m Model) selectedEntry() (saved.Entry, bool) {
	if m.list.Index < 0 || m.list.Index >= len(m.hits) {
		return saved.Entry{}, false
	}
	return m.items[m.hits[m.list.Index].item].entry, true
}

// setEntries replaces the listing, keeps the filter, and selects name (or, with "", the query
// selected before when it is still there, else the same row).
func (m Model) setEntries(entries []saved.Entry, name string) Model {
	if name == "" {
		name, _ = m.Selected()
	}
	m.loaded = true
	m.items = make([]item, len(entries))
	for i, e := range entries {
		d := display.Line(e.Name)
		m.items[i] = item{entry: e, display: d, orig: []rune(d), lower: lowerRunes(d)}
	}
	return m.refilter(name)
}

// refilter recomputes the hits for the filter and selects name when it passes (else the first
// hit after a filter change, or the same row after a listing change).
func (m Model) refilter(name string) Model {
	pattern := lowerRunes(m.filter.Value())
	m.hits = m.hits[:0:0]
	for i, it := range m.items {
		if score, pos, ok := fuzzyMatch(pattern, it.lower, it.orig); ok {
			m.hits = append(m.hits, hit{item: i, score: score, positions: pos})
		}
	}
	// Best score first; then shorter names (the closer fit); then the listing's order. With no
	// filter the listing's order (by name) stands.
	if len(pattern) > 0 {
		slices.SortStableFunc(m.hits, func(a, b hit) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(len(m.items[a.item].orig), len(m.items[b.item].orig)))
		})
	}
	if i := m.indexOf(name); i >= 0 {
		m.list.Index = i
	}
	m.list.Index = max(0, min(m.list.Index, len(m.hits)-1))
	m.keys = m.keys.withSelection(len(m.hits) > 0)
	return m.scrollToCursor()
}

// indexOf returns the hit index of name, or -1.
func (m Model) indexOf(name string) int {
	if name == "" {
		return -1
	}
	return slices.IndexFunc(m.hits, func(h hit) bool { return m.items[h.item].entry.Name == name })
}

// entryNamed returns the listed entry called name.
func (m Model) entryNamed(name string) (saved.Entry, bool) {
	for _, it := range m.items {
		if it.entry.Name == name {
			return it.entry, true
		}
	}
	return saved.Entry{}, false
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

// cachePreview stores a preview, copying the map so older Model values keep theirs.
func (m Model) cachePreview(name string, p cached) Model {
	next := make(map[string]cached, len(m.previews)+1)
	maps.Copy(next, m.previews)
	next[name] = p
	m.previews = next
	return m
}
