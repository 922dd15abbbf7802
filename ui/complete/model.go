package complete

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/query/completion"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Size limits of the popup, in cells.
const (
	// MaxRows is the number of items shown at once; the list scrolls.
	MaxRows = 10
	// DefaultMaxWidth caps the box's width, borders included, until
	// SetMaxWidth says otherwise.
	DefaultMaxWidth = 60
	// minWidth keeps the box usable when the parent squeezes it: marker,
	// a few letters of label, borders.
	minWidth = 16
)

// Model is the completion popup: a list of completion.Item with one
// selected. It does no I/O and knows nothing of the editor: the workspace
// asks the schema for items, opens the popup with them, and applies the
// AcceptedMsg it emits. Methods take and return values, as in bubbles.
type Model struct {
	// KeyMap is exported so the workspace can rebind keys and build help.
	KeyMap KeyMap

	paint    *paints
	maxWidth int

	visible bool
	prefix  string
	items   []completion.Item
	list    common.ListCursor // Index: the selected item; Offset: the first row shown
}

// New returns a closed popup with styles from the context's theme.
func New(ctx *common.Context) Model {
	var st Styles
	if ctx != nil {
		st = DefaultStyles(ctx.Theme)
	} else {
		st = DefaultStyles(nil)
	}
	return Model{KeyMap: DefaultKeyMap(), maxWidth: DefaultMaxWidth, paint: newPaints(st)}
}

// SetStyles replaces the styles (after a theme change, say).
func (m Model) SetStyles(st Styles) Model {
	m.paint = newPaints(st)
	return m
}

// Open shows items for the name prefix before the cursor (the pair
// schema.Schema.Complete returns), with the first item selected. With no
// items the popup stays closed: there is nothing to choose from.
func (m Model) Open(prefix string, items []completion.Item) Model {
	m.prefix, m.items, m.list = prefix, items, common.ListCursor{}
	m.visible = len(items) > 0
	return m
}

// Refresh replaces the items after an edit while the popup is open (typing
// narrows the list), keeping the selected item selected when it is still
// listed. Like Open it closes the popup when items is empty.
func (m Model) Refresh(prefix string, items []completion.Item) Model {
	label, hadSel := m.selectedLabel()
	m = m.Open(prefix, items)
	if !hadSel {
		return m
	}
	for i, it := range items {
		if it.Label == label {
			m.list.Index = i
			break
		}
	}
	return m.scrollToSelection()
}

// Close hides the popup and drops its items.
func (m Model) Close() Model {
	m.visible, m.prefix, m.items, m.list = false, "", nil, common.ListCursor{}
	return m
}

// Visible reports whether the popup is open.
func (m Model) Visible() bool { return m.visible }

// Prefix returns the prefix the items replace.
func (m Model) Prefix() string { return m.prefix }

// Items returns the items shown. Callers must not modify the slice.
func (m Model) Items() []completion.Item { return m.items }

// Selected returns the selected item, or false when the popup is closed.
func (m Model) Selected() (completion.Item, bool) {
	if !m.visible {
		return completion.Item{}, false
	}
	return m.items[m.list.Index], true
}

// SetMaxWidth caps the box's width, borders included, for example to the
// editor pane's width. Values below a small minimum are raised to it.
func (m Model) SetMaxWidth(w int) Model {
	m.maxWidth = max(minWidth, w)
	return m
}

// ShortHelp returns the key map's short help while the popup is open, and
// the trigger key while it is closed, so the Model satisfies help.KeyMap.
func (m Model) ShortHelp() []key.Binding {
	if !m.visible {
		return []key.Binding{m.KeyMap.Trigger}
	}
	return m.KeyMap.ShortHelp()
}

// FullHelp returns the key map's full help.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// selectedLabel returns the selected item's label, if the popup is open.
func (m Model) selectedLabel() (string, bool) {
	it, ok := m.Selected()
	return it.Label, ok
}

// rows returns how many items are shown at once.
func (m Model) rows() int { return min(len(m.items), MaxRows) }

// scrollToSelection moves the window of rows so the selection is inside it.
func (m Model) scrollToSelection() Model {
	m.list = m.list.Fit(len(m.items), m.rows())
	return m
}
