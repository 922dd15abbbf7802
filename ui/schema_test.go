package ui

import (
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

func TestDocsBrowserFollowsTheSchema(t *testing.T) {
	f := newFixture(t, "pw-docs-test")
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()

	// Before a schema arrives, f3 says why there is none.
	d.press("f3")
	if !strings.Contains(d.m.View(), "still loading") {
		t.Fatalf("f3 without a schema:\n%s", d.m.View())
	}
	d.press("esc")
	d.send(schemaFailedMsg{gen: d.m.sessGen, reason: "introspection is disabled"})
	d.press("f3")
	if !strings.Contains(d.m.View(), "introspection is disabled") {
		t.Fatalf("the failure reason is not shown:\n%s", d.m.View())
	}
	d.press("esc")

	schema, err := schema.LoadFile("../mockapi/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	d.send(schemaLoadedMsg{gen: d.m.sessGen - 1, schema: schema, source: "stale session"})
	if d.m.schema != nil {
		t.Fatal("a schema for a replaced session was installed")
	}
	d.send(schemaLoadedMsg{gen: d.m.sessGen, schema: schema, source: "introspection"})
	d.press("f3")
	if v := d.m.View(); !strings.Contains(v, "Roots") || !strings.Contains(v, "Mutation") {
		t.Fatalf("docs home:\n%s", v)
	}
	d.press("esc")

	// With the cursor on a field, f3 opens that field's docs.
	text, _ := d.m.workspace.Document()
	at := strings.Index(text, "Cards") + 2
	line := strings.Count(text[:at], "\n") + 1
	col := at - strings.LastIndex(text[:at], "\n")
	d.m.workspace.MoveCursor(line, col)
	d.press("f3")
	if v := d.m.View(); !strings.Contains(v, "Query") || !strings.Contains(v, "card_reference") {
		t.Fatalf("docs of the field under the cursor:\n%s", v)
	}
}

func TestSchemaRefreshOnDemand(t *testing.T) {
	f := newFixture(t, "pw-refresh-test")
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	d.press("f3")
	before := f.api.Stats().Fields["__schema"]
	cmd := d.send(tea.KeyMsg{Type: tea.KeyCtrlF})
	// The browser asks with RefreshMsg; the root answers with a fetch (a sequence: run its steps).
	for _, msg := range quickMessages(cmd) {
		for _, step := range sequenceSteps(d.send(msg)) {
			// The steps (cache, introspection against the in-process fake) always return: run
			// them to the end, however slow the machine, rather than within quickMessages' limit.
			for _, res := range uitest.Messages(step) {
				d.send(res)
			}
		}
	}
	if got := f.api.Stats().Fields["__schema"]; got != before+1 {
		t.Fatalf("ctrl+f made %d introspection requests, want 1", got-before)
	}
	if d.m.schema == nil || !strings.Contains(d.m.View(), "Roots") {
		t.Fatalf("the refreshed schema is not shown:\n%s", d.m.View())
	}
}

// sequenceSteps unpacks tea.Sequence's message into its commands; bubbletea keeps that message
// type unexported, so it is read by reflection (a slice of commands).
func sequenceSteps(cmd tea.Cmd) []tea.Cmd {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice {
		return []tea.Cmd{func() tea.Msg { return msg }}
	}
	var steps []tea.Cmd
	for i := range v.Len() {
		if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
			steps = append(steps, c)
		}
	}
	return steps
}
