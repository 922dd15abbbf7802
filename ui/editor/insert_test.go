package editor

import "testing"

func TestInsertCompletionReplacesPrefix(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		line, col  int // cursor before, 1-based
		prefixLen  int
		insert     string
		cursorBack int
		want       string
		wantCursor [2]int
	}{
		{
			name: "field", text: "{ Car }", line: 1, col: 6, prefixLen: 3,
			insert: "Cards", want: "{ Cards }", wantCursor: [2]int{1, 8},
		},
		{
			name: "required arguments, cursor in the first value", text: "mutation { cre }", line: 1, col: 15, prefixLen: 3,
			insert: "createOrder(account_id: , total: )", cursorBack: len(", total: )"),
			want: "mutation { createOrder(account_id: , total: ) }", wantCursor: [2]int{1, 36},
		},
		{
			name: "empty prefix inserts at the cursor", text: "{  }", line: 1, col: 3, prefixLen: 0,
			insert: "id", want: "{ id }", wantCursor: [2]int{1, 5},
		},
		{
			name: "prefix longer than the column stops at the line start", text: "ab\ncd", line: 2, col: 3, prefixLen: 9,
			insert: "xyz", want: "ab\nxyz", wantCursor: [2]int{2, 4},
		},
		{
			name: "multi-byte runes before the prefix", text: "# é😀\n{ é😀na }", line: 2, col: 7, prefixLen: 2,
			insert: "name", want: "# é😀\n{ é😀name }", wantCursor: [2]int{2, 9},
		},
		{
			name: "cursorBack counts bytes of a multi-byte insert", text: "{ x }", line: 1, col: 4, prefixLen: 1,
			insert: "f(s: \"é\")", cursorBack: len("é\")"),
			want: "{ f(s: \"é\") }", wantCursor: [2]int{1, 9},
		},
		{
			name: "cursorBack inside a rune moves to its start", text: "{ x }", line: 1, col: 4, prefixLen: 1,
			insert: "é", cursorBack: 1, want: "{ é }", wantCursor: [2]int{1, 3},
		},
		{
			name: "cursorBack past the start clamps", text: "{ x }", line: 1, col: 4, prefixLen: 1,
			insert: "ab", cursorBack: 10, want: "{ ab }", wantCursor: [2]int{1, 3},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := newEditor(t, GraphQL, tc.text, 60, 5).GotoLine(tc.line, tc.col)
			m = m.InsertCompletion(tc.prefixLen, tc.insert, tc.cursorBack)
			if got := m.Value(); got != tc.want {
				t.Fatalf("Value() = %q, want %q", got, tc.want)
			}
			if got := cursor(m); got != tc.wantCursor {
				t.Fatalf("Cursor() = %v, want %v", got, tc.wantCursor)
			}
		})
	}
}

func TestInsertCompletionIsOneUndoStep(t *testing.T) {
	m := newEditor(t, GraphQL, "{\n  \n}", 60, 5).GotoLine(2, 3)
	m = typeText(t, m, "Ca")
	typed := m.Value()
	m = m.InsertCompletion(2, "Cards(id: )", 1)
	if got, want := m.Value(), "{\n  Cards(id: )\n}"; got != want {
		t.Fatalf("after insert Value() = %q, want %q", got, want)
	}
	m = typeText(t, m, "7")
	if got, want := m.Value(), "{\n  Cards(id: 7)\n}"; got != want {
		t.Fatalf("typing after insert Value() = %q, want %q", got, want)
	}

	m, _ = m.Focus()
	m = press(t, m, "ctrl+z") // the "7"
	m, _ = m.Focus()
	m = press(t, m, "ctrl+z") // the completion, in one step
	if got := m.Value(); got != typed {
		t.Fatalf("undo of the completion gave %q, want the typed prefix %q", got, typed)
	}
	if got := cursor(m); got != [2]int{2, 5} {
		t.Fatalf("undo left the cursor at %v, want [2 5] after the prefix", got)
	}
	m = press(t, m, "ctrl+y")
	if got, want := m.Value(), "{\n  Cards(id: )\n}"; got != want {
		t.Fatalf("redo Value() = %q, want %q", got, want)
	}
	if got := cursor(m); got != [2]int{2, 13} {
		t.Fatalf("redo left the cursor at %v, want [2 13] inside the parentheses", got)
	}
}

func TestInsertCompletionOfWhatIsTypedRecordsNothing(t *testing.T) {
	m := newEditor(t, GraphQL, "{ id }", 60, 5).GotoLine(1, 5)
	rev := m.Revision()
	m = m.InsertCompletion(2, "id", 0)
	if m.Value() != "{ id }" || m.Revision() != rev || m.Modified() {
		t.Fatalf("a completion equal to its prefix changed the document: %q rev %d→%d", m.Value(), rev, m.Revision())
	}
}

func TestRevisionTracksEditsUndoAndRedo(t *testing.T) {
	m := newEditor(t, GraphQL, "{ }", 60, 5).GotoLine(1, 2)
	r0 := m.Revision()
	m = press(t, m, "right", "left") // moves do not change the text
	if m.Revision() != r0 {
		t.Fatalf("a cursor move changed the revision")
	}
	m = typeText(t, m, "a")
	r1 := m.Revision()
	if r1 == r0 {
		t.Fatalf("an edit kept the revision %d", r0)
	}
	m, _ = m.Focus()
	m = press(t, m, "ctrl+z")
	if m.Revision() != r0 {
		t.Fatalf("undo gave revision %d, want the original %d", m.Revision(), r0)
	}
	m = press(t, m, "ctrl+y")
	if m.Revision() != r1 {
		t.Fatalf("redo gave revision %d, want %d", m.Revision(), r1)
	}
	m, _ = m.Focus()
	m = press(t, m, "ctrl+z")
	m = typeText(t, m, "b")
	if r := m.Revision(); r == r0 || r == r1 {
		t.Fatalf("a new edit after undo reused revision %d", r)
	}
}

func TestReplaceAllIsOneUndoStep(t *testing.T) {
	m := New(Options{Language: GraphQL}).SetSize(40, 10)
	m = m.SetValue("query{a}\n# two\n")
	m = m.GotoLine(2, 3)
	pretty := "query {\n  a\n}\n# two\n"
	m = m.ReplaceAll(pretty)
	if m.Value() != pretty || !m.Modified() {
		t.Fatalf("value %q modified %v", m.Value(), m.Modified())
	}
	if line, col := m.Cursor(); line != 2 || col != 1 {
		t.Fatalf("cursor at %d:%d, want 2:1 (same line)", line, col)
	}
	m, _ = m.Focus()
	m = press(t, m, "ctrl+z")
	if m.Value() != "query{a}\n# two\n" {
		t.Fatalf("one undo gave %q", m.Value())
	}
	if got := m.ReplaceAll(m.Value()); got.Modified() {
		t.Fatal("replacing with the same text recorded a change")
	}
}
