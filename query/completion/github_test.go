package completion

import (
	"slices"
	"testing"
)

func TestGitHubSchemaCompletes(t *testing.T) {
	js := loadSDLFile(t, "github/schema.json")
	text, off := cursor("{ repository(owner: \"a\", name: \"b\") { issues(first: 1) { nodes { tit|")
	if _, items := Complete(js, text, off); len(items) == 0 || items[0].Label != "title" || items[0].Detail != "String!" {
		t.Errorf("issue fields: %q", labels(items))
	}
	text, off = cursor("{ reposi|")
	_, items := Complete(js, text, off)
	if len(items) == 0 || items[0].Label != "repository" ||
		items[0].Insert != "repository(owner: , name: )" || items[0].Insert[:len(items[0].Insert)-items[0].CursorBack] != "repository(owner: " {
		t.Errorf("repository: %+v", items)
	}
	text, off = cursor("{ repository(owner: \"a\", name: \"b\") { issues(orderBy: {field: |")
	if _, items := Complete(js, text, off); !slices.Contains(labels(items), "CREATED_AT") {
		t.Errorf("enum in an input object: %q", labels(items))
	}
	text, off = cursor("query($x: |")
	if _, items := Complete(js, text, off); len(items) != maxCompletions {
		t.Errorf("got %d input types, want the cap %d", len(items), maxCompletions)
	}
	text, off = cursor("query($x: IssueOrd|")
	if _, items := Complete(js, text, off); len(items) == 0 || items[0].Label != "IssueOrder" || items[1].Label != "IssueOrderField" {
		t.Errorf("variable types: %q", labels(items))
	}
}
