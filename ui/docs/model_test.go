package docs

import (
	"slices"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/session/display"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// selectItem presses down until the selected line starts with prefix.
func selectItem(t *testing.T, m Model, prefix string) Model {
	t.Helper()
	for range 200 {
		if strings.HasPrefix(selectedLine(t, m), prefix) {
			return m
		}
		m, _ = press(t, m, "down")
	}
	t.Fatalf("never selected %q; view:\n%s", prefix, m.View())
	return m
}

// crumb is the breadcrumb as shown.
func crumb(m Model) string { return strings.TrimSpace(plain(m.View())[2]) }

func TestNavigateRootsFollowAndBack(t *testing.T) {
	m := newModel(toggleSchema(t), 80, 24)
	if got := selectedLine(t, m); !strings.HasPrefix(got, "Query") {
		t.Fatalf("home selects %q first, want the Query root", got)
	}
	if m.KeyMap().Back.Enabled() {
		t.Error("back is enabled on the home page")
	}
	m, _ = press(t, m, "enter")
	if crumb(m) != "Query" || !strings.Contains(m.View(), "object Query") {
		t.Fatalf("enter on the Query root:\n%s", m.View())
	}
	m = selectItem(t, m, "Cards(")
	m, _ = press(t, m, "enter")
	if got := crumb(m); got != "Query › Cards › CardPage" {
		t.Fatalf("breadcrumb after following Cards = %q", got)
	}
	m = selectItem(t, m, "data: [Card!]!")
	m, _ = press(t, m, "enter")
	if got := crumb(m); got != "Query › Cards › CardPage › data › Card" {
		t.Fatalf("breadcrumb after following data = %q", got)
	}
	if !strings.Contains(m.View(), "A gift card.") {
		t.Errorf("Card page lacks its description:\n%s", m.View())
	}

	// Back by backspace (empty search) keeps the selection the page had.
	m, _ = press(t, m, "backspace")
	if crumb(m) != "Query › Cards › CardPage" || !strings.HasPrefix(selectedLine(t, m), "data:") {
		t.Fatalf("backspace: crumb %q, selected %q", crumb(m), selectedLine(t, m))
	}
	m, _ = press(t, m, "alt+left")
	if crumb(m) != "Query" || !strings.HasPrefix(selectedLine(t, m), "Cards(") {
		t.Fatalf("alt+left: crumb %q, selected %q", crumb(m), selectedLine(t, m))
	}
	// esc closes the browser from any page (the app's key contract); back has its own keys.
	if h := m.KeyMap().Escape.Help().Desc; h != "close" {
		t.Errorf("esc help on a type page = %q", h)
	}
	if _, msgs := press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (CloseMsg{}) {
		t.Fatalf("esc on a type page sent %v, want CloseMsg", msgs)
	}
}

func TestTypingSearchesAndOpens(t *testing.T) {
	m := newModel(toggleSchema(t), 100, 30)
	if !m.CapturesKeys() {
		t.Fatal("the search input does not capture keys")
	}
	m = typeText(t, m, "card_ref")
	view := m.View()
	for _, want := range []string{"search: card_ref", "Card.card_reference", "Query.Cards(card_reference)", "arg"} {
		if !strings.Contains(view, want) {
			t.Errorf("search view lacks %q:\n%s", want, view)
		}
	}
	// Letters are the query, never shortcuts; backspace deletes while the search has text.
	m, _ = press(t, m, "backspace")
	if got := m.input.Value(); got != "card_re" {
		t.Fatalf("backspace in the search left %q", got)
	}
	m, _ = press(t, m, "f")
	m = selectItem(t, m, "arg   Query.Cards(card_reference)")
	m, _ = press(t, m, "enter")
	if m.input.Value() != "" || crumb(m) != "Query" {
		t.Fatalf("opening a result: search %q, crumb %q", m.input.Value(), crumb(m))
	}
	if got := selectedLine(t, m); !strings.HasPrefix(got, "card_reference: String") {
		t.Fatalf("selected %q, want the argument", got)
	}
	// The field holding the argument is expanded, with each argument's description.
	if view := m.View(); !strings.Contains(view, "Arguments") || !strings.Contains(view, "page: Int") {
		t.Errorf("expanded field:\n%s", view)
	}
	m, _ = press(t, m, "enter") // follow the argument's type
	if got := crumb(m); got != "Query › Cards(card_reference) › String" {
		t.Fatalf("breadcrumb after following an argument = %q", got)
	}
	if !strings.Contains(m.View(), "scalar String (built-in)") {
		t.Errorf("String page:\n%s", m.View())
	}
}

func TestSearchTypeDotField(t *testing.T) {
	m := typeText(t, newModel(toggleSchema(t), 100, 30), "card.bal")
	if got := selectedLine(t, m); !strings.HasPrefix(got, "field Card.balance") {
		t.Fatalf("first result of card.bal = %q", got)
	}
	m = typeText(t, m, "zzz")
	if !strings.Contains(m.View(), "No matches for “card.balzzz”.") || m.KeyMap().Open.Enabled() {
		t.Fatalf("no matches:\n%s", m.View())
	}
	// esc closes at once, search or not; ctrl+u clears the search.
	if _, msgs := press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (CloseMsg{}) {
		t.Fatalf("esc while searching sent %v, want CloseMsg", msgs)
	}
	m, msgs := press(t, m, "ctrl+u")
	if m.input.Value() != "" || len(msgs) != 0 || crumb(m) != "Home" {
		t.Fatalf("ctrl+u while searching: value %q, msgs %v", m.input.Value(), msgs)
	}
}

func TestOpenSelectsField(t *testing.T) {
	m := newModel(toggleSchema(t), 80, 24)
	m = m.Open("Card", "balance")
	if got := selectedLine(t, m); got != "balance: Int!" {
		t.Fatalf("Open(Card, balance) selected %q", got)
	}
	if crumb(m) != "Card" || !strings.Contains(m.View(), "Current balance in pence.") {
		t.Fatalf("Open(Card, balance):\n%s", m.View())
	}
	// Opening another member of the same page moves the selection without a new page.
	m = m.Open("Card", "pin")
	if got := selectedLine(t, m); got != "pin: String" || len(m.back) != 1 {
		t.Fatalf("Open(Card, pin): selected %q, %d pages back", got, len(m.back))
	}
	// An unknown field selects the first item; an unknown type stays put and says so.
	m = m.Open("CardPage", "nope")
	if got := selectedLine(t, m); got != "data: [Card!]!" {
		t.Errorf("Open(CardPage, nope) selected %q", got)
	}
	m = m.Open("Nope", "")
	if crumb(m) != "CardPage" || !strings.Contains(m.View(), "No type Nope in the schema.") {
		t.Errorf("Open(Nope):\n%s", m.View())
	}
	m, _ = press(t, m, "down")
	if strings.Contains(m.View(), "No type Nope") {
		t.Error("the note outlived the next key")
	}
	m, _ = press(t, m, "alt+left", "alt+left")
	if crumb(m) != "Home" {
		t.Errorf("two backs from CardPage reach %q", crumb(m))
	}
}

const deprecatedSDL = `
type Query {
  "Old way."
  old(id: ID, "Use filter." legacy: String @deprecated(reason: "Use filter.")): Thing @deprecated(reason: "Use things.")
  things(filter: String = "all"): [Thing!]!
  gone: Int @deprecated
}
"A thing."
type Thing { state: State }
enum State {
  ON
  "Was off."
  OFF @deprecated(reason: "Use ON.")
}
`

func TestDeprecationsShown(t *testing.T) {
	s := sdlSchema(t, deprecatedSDL)
	m := newModel(s, 80, 24).Open("Query", "things")
	view := m.View()
	for _, want := range []string{"old(id: ID, legacy: String): Thing", "deprecated: Use things.", "gone: Int", "deprecated: No longer supported", `things(filter: String = "all"): [Thing!]!`} {
		if !strings.Contains(view, want) {
			t.Errorf("Query page lacks %q:\n%s", want, view)
		}
	}
	m = m.Open("Query", "old")
	m, _ = press(t, m, "down", "down")
	if got := selectedLine(t, m); got != "legacy: String" || !strings.Contains(m.View(), "deprecated: Use filter.") {
		t.Errorf("deprecated argument: selected %q\n%s", got, m.View())
	}
	if view := m.Open("State", "OFF").View(); !strings.Contains(view, "deprecated: Use ON.") || !strings.Contains(view, "Was off.") {
		t.Errorf("deprecated enum value:\n%s", view)
	}
	if view := typeText(t, newModel(s, 80, 24), "gone").View(); !strings.Contains(view, "deprecated") {
		t.Errorf("deprecated search result:\n%s", view)
	}

	// Where the terminal can show it, a deprecated name is also struck through (SGR 9).
	lipgloss.SetColorProfile(termenv.ANSI)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m = New(common.NewContext(themes.Default()), s).SetSize(80, 24).Open("Query", "things")
	var oldLine, thingsLine string
	for _, l := range strings.Split(m.View(), "\n") {
		// lipgloss strikes through rune by rune, so match on the text without styling.
		switch text := ansi.Strip(l); {
		case strings.Contains(text, "old(id: ID"):
			oldLine = l
		case strings.Contains(text, "things(filter"):
			thingsLine = l
		}
	}
	if !strings.Contains(oldLine, ";9m") && !strings.Contains(oldLine, "[9m") {
		t.Errorf("deprecated field not struck through: %q", oldLine)
	}
	if thingsLine == "" || strings.Contains(thingsLine, ";9m") || strings.Contains(thingsLine, "[9m") {
		t.Errorf("live field struck through: %q", thingsLine)
	}
}

// hostileSDL carries a clear-screen, an OSC 52 clipboard write and an 8-bit CSI in every kind of
// description, and a default value with control characters.
const hostileSDL = `
"Root\u001b[2J type"
type Query {
  "Field\u001b]52;c;cm0gLXJmIH4=\u0007 boom\u009b31m \u202eevil\u2066"
  evil("Arg\u001b[2J text" x: String = "\u001b[2J"): Evil
}
"Evil\u001b[2J type"
enum Evil {
  "Value\u001b[2J text"
  A @deprecated(reason: "Reason\u001b[2J")
}
`

func TestHostileDescriptionsAreEscaped(t *testing.T) {
	s := sdlSchema(t, hostileSDL)
	if d, _ := s.TypeDoc("Query"); !strings.Contains(d.Fields[0].Description, "\x1b]52") {
		t.Fatalf("the fixture lost its escapes: %q", d.Fields[0].Description)
	}
	check := func(name string, m Model) {
		t.Helper()
		view := m.View()
		if i := display.Unsafe(view, false); i >= 0 {
			t.Errorf("%s: raw control or bidi characters reach the terminal at %d:\n%q", name, i, view)
		}
		if !strings.Contains(view, `\x1b[2J`) {
			t.Errorf("%s: the escape is not shown as text:\n%s", name, view)
		}
	}
	m := newModel(s, 100, 30)
	check("home", m)
	check("field expanded", m.Open("Query", "evil"))
	m2, _ := press(t, m.Open("Query", "evil"), "down")
	check("argument selected", m2)
	check("enum", m.Open("Evil", "A"))
	check("search", typeText(t, m, "evil"))
	check("search argument", typeText(t, m, "x"))
	check("unavailable", newModel(nil, 80, 24).SetUnavailable("server said \x1b[2J no"))
}

func TestEmptyState(t *testing.T) {
	m := newModel(nil, 80, 24)
	if m.CapturesKeys() || !strings.Contains(m.View(), "No schema: not loaded yet") {
		t.Fatalf("nil schema:\n%s", m.View())
	}
	m = m.SetUnavailable("introspection is disabled")
	if !strings.Contains(m.View(), "No schema: introspection is disabled") {
		t.Fatalf("SetUnavailable:\n%s", m.View())
	}
	m, _ = press(t, m, "q", "enter")
	if _, msgs := press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (CloseMsg{}) {
		t.Fatalf("esc in the empty state sent %v", msgs)
	}
	m = m.SetSchema(toggleSchema(t))
	if !m.CapturesKeys() || !strings.Contains(m.View(), "Roots (2)") {
		t.Fatalf("after SetSchema:\n%s", m.View())
	}
	// A schema that goes away takes the pages with it.
	m = m.Open("Card", "pin").SetUnavailable("")
	if !strings.Contains(m.View(), "No schema: not loaded yet") || len(m.back) != 0 {
		t.Fatalf("SetUnavailable after Open:\n%s", m.View())
	}
}

func TestSetSchemaKeepsPagesThatStillExist(t *testing.T) {
	m := newModel(toggleSchema(t), 80, 24).Open("CardPage", "").Open("Card", "balance")
	m = typeText(t, m, "pin")
	m = m.SetSchema(toggleSchema(t)) // a refresh with the same types
	if crumb(m) != "Card" || len(m.back) != 2 || !strings.Contains(m.View(), "Card.pin") {
		t.Fatalf("refresh: crumb %q, %d back, view:\n%s", crumb(m), len(m.back), m.View())
	}
	m, _ = press(t, m, "ctrl+u")
	if got := selectedLine(t, m); got != "balance: Int!" {
		t.Fatalf("selection after refresh = %q", got)
	}
	smaller := sdlSchema(t, `type Query { cardPage: CardPage } type CardPage { total: Int }`)
	m = m.SetSchema(smaller)
	if crumb(m) != "CardPage" || len(m.back) != 1 {
		t.Fatalf("Card gone: crumb %q, %d back", crumb(m), len(m.back))
	}
	if got := selectedLine(t, m); got != "total: Int" {
		t.Errorf("selection on a changed page = %q", got)
	}
}

func TestBuiltInsToggle(t *testing.T) {
	m := newModel(toggleSchema(t), 80, 24)
	m, _ = press(t, m, "end")
	if got := selectedLine(t, m); strings.HasPrefix(got, "String") || strings.HasPrefix(got, "__") {
		t.Fatalf("built-ins listed by default: last is %q", got)
	}
	m, _ = press(t, m, "ctrl+t")
	if !m.builtIns || m.KeyMap().BuiltIns.Help().Desc != "hide built-ins" {
		t.Fatal("ctrl+t did not show the built-ins")
	}
	last := selectedLine(t, m)
	m, _ = press(t, m, "end")
	if got := selectedLine(t, m); got == last || !strings.HasPrefix(got, "__") {
		t.Fatalf("last entry with built-ins = %q", got)
	}
	if !slices.ContainsFunc(plain(m.View()), func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "Built-in (") }) {
		t.Errorf("no built-in section:\n%s", m.View())
	}
	// Built-ins are only toggled from the home page; elsewhere ctrl+t does nothing.
	m = m.Open("Card", "")
	m, _ = press(t, m, "ctrl+t")
	if !m.builtIns {
		t.Error("ctrl+t acted on a type page")
	}
}

func TestScrollKeepsSelectionVisible(t *testing.T) {
	s := githubSchema(t)
	m := newModel(s, 80, 24)
	for i := range 60 {
		m, _ = press(t, m, "down")
		selectedLine(t, m) // fails when the selection is off screen
		_ = i
	}
	m, _ = press(t, m, "pgdown", "pgdown", "end")
	selectedLine(t, m)
	m, _ = press(t, m, "home")
	if !strings.Contains(m.View(), "Roots (") {
		t.Errorf("home key does not return to the top:\n%s", m.View())
	}

	// A big type page: every field in turn stays visible, expanded, and page keys move on.
	m = m.Open("Repository", "")
	d, _ := s.TypeDoc("Repository")
	for range 40 {
		m, _ = press(t, m, "down")
		selectedLine(t, m)
	}
	before := selectedLine(t, m)
	m, _ = press(t, m, "pgdown")
	if after := selectedLine(t, m); after == before {
		t.Errorf("pgdown stayed on %q", after)
	}
	last := d.Fields[len(d.Fields)-1].Name
	m, _ = press(t, m, "end")
	if got := selectedLine(t, m); !strings.HasPrefix(got, last) && !strings.Contains(got, last) {
		// The last item may be an argument of the last field, or the field itself.
		t.Errorf("end selected %q, want the last field %s or its argument", got, last)
	}
	m = m.Open("Repository", "watchers")
	if got := selectedLine(t, m); !strings.HasPrefix(got, "watchers(") {
		t.Errorf("Open(Repository, watchers) shows %q", got)
	}
}

func TestHelpFollowsState(t *testing.T) {
	m := newModel(toggleSchema(t), 80, 24)
	k := m.KeyMap()
	if !k.Open.Enabled() || k.Back.Enabled() || !k.BuiltIns.Enabled() || k.Escape.Help().Desc != "close" {
		t.Fatalf("home keys: open %v back %v builtins %v esc %q", k.Open.Enabled(), k.Back.Enabled(), k.BuiltIns.Enabled(), k.Escape.Help().Desc)
	}
	m = m.Open("Query", "Cards")
	k = m.Help().(KeyMap)
	if !k.Back.Enabled() || k.BuiltIns.Enabled() || k.Open.Help().Desc != "follow type" {
		t.Fatalf("type page keys: back %v builtins %v open %q", k.Back.Enabled(), k.BuiltIns.Enabled(), k.Open.Help().Desc)
	}
	m = typeText(t, m, "x")
	if m.KeyMap().Back.Enabled() {
		t.Error("back enabled while searching (backspace must edit the search)")
	}
	if n := len(m.KeyMap().FullHelp()); n == 0 || len(m.KeyMap().ShortHelp()) == 0 {
		t.Error("empty help")
	}
}

func TestModelCopiesKeepTheirHistory(t *testing.T) {
	base := newModel(toggleSchema(t), 80, 24).Open("Query", "Cards")
	a := base.Open("Card", "")
	b := base.Open("Order", "")
	if a.back[len(a.back)-1].typeName != "Query" || b.back[len(b.back)-1].typeName != "Query" || a.cur.typeName != "Card" {
		t.Fatalf("copies share history: a %v, b %v", a.breadcrumb(), b.breadcrumb())
	}
	a, _ = press(t, a, "alt+left")
	if crumb(a) != "Query" || crumb(b) != "Order" {
		t.Fatalf("after a goes back: a %q, b %q", crumb(a), crumb(b))
	}
}
