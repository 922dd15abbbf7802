// Command skeleton is the anchor for idle RSS: the explorer's stack and nothing of the explorer
// (performance.md §3's skeleton frame) — a bubbles textarea and viewport in lipgloss borders, a
// GraphQL query highlighted by chroma, a JSON result highlighted too, gqlparser loading a schema
// and a machinebox client. It draws its frame and waits for q.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/alecthomas/chroma/v2/formatters"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/machinebox/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

const sdl = "type Query { hello: String! items(n: Int!): [Item!]! }\ntype Item { id: ID! name: String! }\n"

const doc = "query Hello {\n  hello\n  items(n: 3) { id name }\n}\n"

const result = `{"data":{"hello":"world","items":[{"id":"1","name":"one"}]}}`

type model struct {
	editor textarea.Model
	view   viewport.Model
	box    lipgloss.Style
	client *graphql.Client
	schema *ast.Schema
}

func highlight(lexer, text string) string {
	var b strings.Builder
	it, err := lexers.Get(lexer).Tokenise(nil, text)
	if err == nil {
		_ = formatters.Get("terminal256").Format(&b, styles.Get("monokai"), it)
	}
	return b.String()
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() string {
	return lipgloss.JoinHorizontal(lipgloss.Top, m.box.Render(m.editor.View()), m.box.Render(m.view.View())) +
		"\nREADY skeleton " + highlight("graphql", doc)
}

func main() {
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "s.graphql", Input: sdl})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	m := model{editor: textarea.New(), view: viewport.New(50, 10), box: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()),
		client: graphql.NewClient("http://127.0.0.1:1/graphql"), schema: schema}
	m.editor.SetValue(doc)
	m.view.SetContent(highlight("json", result))
	if _, err := tea.NewProgram(m, tea.WithAltScreen()).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
