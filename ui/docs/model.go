package docs

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// searchLimit bounds the results listed. Schema.Search costs the same whatever the limit (it
// scans every distinct name once); the limit bounds what is built and drawn per keystroke.
const searchLimit = 200

// notLoaded is the empty state's reason when no schema was given and no reason set.
const notLoaded = "not loaded yet"

// Model is the schema docs browser. Leaf-component conventions (bubbles): value receivers
// everywhere, and every method that changes the model returns the new one.
type Model struct {
	ctx  *common.Context
	keys KeyMap
	st   *styles // derived once; shared by copies, never modified

	schema *schema.Schema
	reason string // why there is no schema (shown when schema is nil)

	width, height int
	input         textinput.Model // always focused: typing searches at once

	builtIns bool      // the home page lists the built-in types too
	home     []homeRow // the home page's rows; replaced, never modified
	nameCol  int       // width of the home page's name column

	cur  page   // the page on show
	back []page // pages to go back to, oldest first; never appended in place (see push)

	results   []schema.DocEntry // the current search's results
	more      bool              // the search found more than searchLimit
	resSel    int               // selected result
	resScroll int               // first result shown

	status string // a one-line note (e.g. a type that does not exist), cleared on the next key
}

// New builds a docs browser over schema, on the home page. A nil schema shows the empty state
// until SetSchema is called (see SetUnavailable for saying why).
func New(ctx *common.Context, schema *schema.Schema) Model {
	in := textinput.New()
	in.Prompt = "search: "
	in.Placeholder = "type to search types, fields and arguments"
	in.CharLimit = 256
	in.PromptStyle = ctx.Styles.Muted
	in.PlaceholderStyle = ctx.Styles.Faint
	in.Cursor.Style = ctx.Styles.Accent
	// A static cursor needs no blink ticks: the input has focus for the browser's whole life,
	// and a blink timer would be traffic for the root to route for nothing.
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Focus()
	m := Model{ctx: ctx, keys: DefaultKeyMap(), st: newStyles(ctx.Styles), input: in, reason: notLoaded}
	m = m.SetSchema(schema)
	m.syncKeys()
	return m
}

// SetSize sets the area the browser fills, border included.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	m.input.Width = max(1, m.contentWidth()-lenRunes(m.input.Prompt)-len("200+ matches")-2)
	return m.ensureVisible()
}

// SetSchema installs a (refreshed) schema. The pages open stay open when their types still
// exist, with their selections kept where they still fit; the search is run again. A nil
// schema shows the empty state with the last reason given.
func (m Model) SetSchema(s *schema.Schema) Model {
	if s == nil {
		m.schema = nil
		if m.reason == "" {
			m.reason = notLoaded
		}
		return m.resetNavigation()
	}
	m.schema, m.reason = s, ""
	m.home, m.nameCol = buildHome(s, m.builtIns)
	var kept []page
	for _, p := range append(append([]page(nil), m.back...), m.cur) {
		if p.typeName == "" {
			kept = append(kept, p)
			continue
		}
		if doc, ok := s.TypeDoc(p.typeName); ok {
			p.doc = &doc
			p.sel = p.sel.clamp(p.doc)
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 || kept[0].typeName != "" {
		kept = append([]page{{}}, kept...) // the home page is always at the bottom
	}
	m.cur, m.back = kept[len(kept)-1], kept[:len(kept)-1:len(kept)-1]
	if m.cur.typeName == "" {
		m.cur.row = m.homeRowFor(m.cur.rowName)
	}
	m = m.runSearch()
	m.syncKeys()
	return m.ensureVisible()
}

// SetUnavailable drops the schema and shows "No schema: reason" instead (reason is shown
// sanitised: it may quote a server's error). The next SetSchema with a schema replaces it.
func (m Model) SetUnavailable(reason string) Model {
	m.schema = nil
	m.reason = strings.TrimSpace(reason)
	if m.reason == "" {
		m.reason = notLoaded
	}
	m = m.resetNavigation()
	m.syncKeys()
	return m
}

// resetNavigation returns to an empty home page with no search.
func (m Model) resetNavigation() Model {
	m.cur, m.back = page{}, nil
	m.home, m.results, m.more = nil, nil, false
	m.resSel, m.resScroll = 0, 0
	m.input.Reset()
	return m
}

// CapturesKeys reports whether the browser wants every key, single letters included: always
// while a schema is on show, since the search input has focus the whole time.
func (m Model) CapturesKeys() bool { return m.schema != nil }

// The docs browser keeps the contract of every pane.
var _ common.Pane[Model] = Model{}

// Help returns the bindings that act in the current state, for the root's help line and overlay.
func (m Model) Help() help.KeyMap { return m.keys }

// KeyMap returns the bindings, enabled for the current state.
func (m Model) KeyMap() KeyMap { return m.keys }

// Schema returns the schema on show, or nil.
func (m Model) Schema() *schema.Schema { return m.schema }

// Open shows the page of typeName with fieldName selected (a field, an input field or an enum
// value; "" selects the first item), as "docs of the field under the cursor" needs. The page is
// pushed, so going back returns to where the browser was; the search is cleared. An unknown
// type leaves the page as it is and says so in the footer.
func (m Model) Open(typeName, fieldName string) Model {
	if m.schema == nil {
		return m
	}
	m = m.openTarget(typeName, fieldName, "", "")
	m.syncKeys()
	return m.ensureVisible()
}

// searching reports whether the search results are on show instead of the page.
func (m Model) searching() bool { return strings.TrimSpace(m.input.Value()) != "" }

// contentWidth is the width the pages are laid out to: the frame's inside less a margin of one
// cell on each side.
func (m Model) contentWidth() int {
	w, _ := common.FrameInner(m.width, m.height)
	return max(1, w-2)
}

// contentHeight is the rows left for the page or the results once the chrome is drawn.
func (m Model) contentHeight() int {
	_, h := common.FrameInner(m.width, m.height)
	return max(0, h-chromeLines)
}

func lenRunes(s string) int { return len([]rune(s)) }

// TypeName names the type whose page is on show ("" on the home page or in a search), for
// opening the query builder there.
func (m Model) TypeName() string {
	if m.searching() {
		return ""
	}
	return m.cur.typeName
}
