package results

import (
	"errors"
	"io"
	"os"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestMain(m *testing.M) {
	// Goldens and escape checks must not depend on the terminal running
	// the tests; styles below also use an explicit Ascii renderer.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// asciiStyles are the default theme's styles with colours off.
func asciiStyles() Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return NewStyles(themes.Default(), r)
}

// trueColorStyles render with 24-bit colour, as a modern terminal would.
func trueColorStyles() Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	return NewStyles(themes.Default(), r)
}

func boolPtr(b bool) *bool { return &b }

// sampleBody is a small GraphQL response with a long line and a nested list.
const sampleBody = `{"errors":[{"message":"Variable \"$currency\" is invalid","locations":[{"line":3,"column":5}],"customer_facing":true,"validation":{"currency":["This field is required"]}},{"message":"internal error","customer_facing":false}],"data":{"giftCards":[{"id":"gc_1","balance":25.5,"currency":"EUR","active":true,"note":null,"tags":["birthday","promo"],"description":"A deliberately long description so that the line is wider than eighty columns and gets cut with a marker"},{"id":"gc_2","balance":-3e2,"currency":"GBP","active":false,"note":"ünïcödé 漢字","tags":[],"description":""}]}}`

func sampleMeta() Meta {
	return Meta{
		Status:      200,
		Duration:    43_000_000,
		ContentType: "application/json",
		Errors: []ErrorItem{
			{Message: `Variable "$currency" is invalid`, Line: 3, Column: 5, CustomerFacing: boolPtr(true),
				Validation: map[string][]string{"currency": {"This field is required"}}},
			{Message: "internal error", CustomerFacing: boolPtr(false), Path: "giftCards.1"},
		},
	}
}

// newModel returns a focused model of the given size showing body.
func newModel(t testing.TB, body string, meta Meta, w, h int) Model {
	t.Helper()
	m := New(asciiStyles(), DefaultKeyMap())
	m = m.SetSize(w, h)
	m.SetFilterDebounce(0) // filters run at once; TestFilterDebounce covers the pause
	m.SetClipboard(func(string) error { return errNoClipboard })
	m.Focus()
	return m.SetDocument(Prepare([]byte(body), meta))
}

// press sends keys one by one, running any command synchronously and
// feeding back search results, as the program loop would. It returns the
// model and every other message the commands produced.
func press(t testing.TB, m Model, keys ...string) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(uitest.Key(k))
		queue := uitest.Messages(cmd)
		for len(queue) > 0 {
			msg := queue[0]
			queue = queue[1:]
			switch msg.(type) {
			case SearchFinishedMsg, foldReadyMsg, FilterFinishedMsg, filterTickMsg,
				tableReadyMsg, tableSortedMsg, fileWrittenMsg, diffReadyMsg:
				var more tea.Cmd
				m, more = m.Update(msg)
				queue = append(queue, uitest.Messages(more)...)
				continue
			}
			out = append(out, msg)
		}
	}
	return m, out
}

// errNoClipboard keeps tests from writing OSC 52 to the terminal running
// them; tests of copying install a recorder.
var errNoClipboard = errors.New("no clipboard in tests")

// clipRecorder records what the pane copies.
type clipRecorder struct{ texts []string }

func (c *clipRecorder) write(s string) error { c.texts = append(c.texts, s); return nil }
