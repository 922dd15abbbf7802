package ui

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
)

// TestFlowBuildAndRunCardsWithoutTypingGraphQL is the builder's "done when": from an empty
// editor after login, a new user builds Cards(card_reference: $ref) { data { card_reference
// balance } total } with the builder's keys, sets the variable, runs it against the fake and
// gets the card back. Only keys reach the models.
func TestFlowBuildAndRunCardsWithoutTypingGraphQL(t *testing.T) {
	f := newFixture(t, "pw-builder-test")
	opts := f.options()
	opts.Workspace.Query, opts.Workspace.Variables = "", ""
	d := newDriver(t, f, opts, 120, 40)
	d.login()
	sch, err := schema.LoadFile("../mockapi/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	d.send(schemaLoadedMsg{gen: d.m.sessGen, schema: sch, source: "introspection"})

	// The empty editor offers the builder.
	if v := d.m.View(); !strings.Contains(v, "f6 builds a query") {
		t.Fatalf("no hint of the builder on an empty editor:\n%s", v)
	}
	d.press("f6")
	if _, ok := common.Unwrap[builder.Model](d.m.overlay); !ok {
		t.Fatalf("f6 opened %s", d.m.overlay)
	}
	d.typeText("Cards")
	d.press("right", "esc")
	d.typeText("data")
	d.press("right", "esc")
	// The first row matching card_reference is Cards' argument: make it the variable $ref.
	d.typeText("card_reference")
	d.press("enter")
	d.typeText("$ref")
	d.press("enter")
	d.press("down", "down", " ", "esc") // the field data.card_reference
	d.typeText("balance")
	d.press(" ", "esc")
	d.typeText("total")
	d.press(" ", "esc", "esc")
	if d.m.overlay != nil {
		t.Fatalf("esc left %s open", d.m.overlay)
	}
	text, vars := d.m.workspace.Document()
	want := "query Cards($ref: String) {\n  Cards(card_reference: $ref) {\n    data {\n      card_reference\n      balance\n    }\n    total\n  }\n}\n"
	if text != want {
		t.Fatalf("built\n%s\nwant\n%s", text, want)
	}
	if vars != "{\n  \"ref\": \"\"\n}" {
		t.Fatalf("variables %q", vars)
	}

	// Fill in the placeholder in the variables pane and run.
	d.press("tab", "ctrl+end", "up", "end", "left")
	d.typeText(mockapi.SeedCardPartlyUsed)
	d.run()
	body := string(d.m.workspace.Results().Document().Bytes())
	if !strings.Contains(body, `"card_reference": "`+mockapi.SeedCardPartlyUsed+`"`) || !strings.Contains(body, `"balance": 3250`) || !strings.Contains(body, `"total": 1`) {
		t.Fatalf("response:\n%s", body)
	}

	// One ctrl+z in the query editor undoes the builder's last change.
	d.press("shift+tab")
	d.press("ctrl+z")
	if text, _ := d.m.workspace.Document(); strings.Contains(text, "total") || !strings.Contains(text, "balance") {
		t.Fatalf("after ctrl+z:\n%s", text)
	}
}

// TestBuilderFromDocsTypePage opens the builder from a type page of the docs at a field of
// that type.
func TestBuilderFromDocsTypePage(t *testing.T) {
	f := newFixture(t, "pw-builder-docs")
	opts := f.options()
	d := newDriver(t, f, opts, 120, 40)
	d.login()
	sch, err := schema.LoadFile("../mockapi/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	d.send(schemaLoadedMsg{gen: d.m.sessGen, schema: sch, source: "introspection"})
	d.press("f3")
	d.typeText("CardPage")
	d.press("enter")
	if doc, _ := common.Unwrap[docs.Model](d.m.overlay); doc.TypeName() != "CardPage" {
		t.Fatalf("docs on %q", doc.TypeName())
	}
	d.press("f6")
	if _, ok := common.Unwrap[builder.Model](d.m.overlay); !ok {
		t.Fatalf("f6 in the docs opened %s", d.m.overlay)
	}
	selected := ""
	for _, line := range strings.Split(d.m.View(), "\n") {
		if strings.Contains(line, "│›") {
			selected = line
		}
	}
	if !strings.Contains(selected, "▾ [x] Cards CardPage") {
		t.Fatalf("builder not at Cards (a field of type CardPage), selected line %q:\n%s", selected, d.m.View())
	}
	if v := d.m.View(); !strings.Contains(v, "◦ card_reference") {
		t.Fatalf("Cards not expanded:\n%s", v)
	}
}
