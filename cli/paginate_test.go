package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

const pagedDoc = `query Cards($page: Int, $limit: Int) { Cards(page: $page, limit: $limit) { data { card_reference balance } total per_page } }`

func TestRunPaginateMergesEveryPage(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "run", "-q", pagedDoc, "--var", "limit=2", "--paginate")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var resp struct {
		Data struct {
			Cards struct {
				Data    []map[string]json.RawMessage
				Total   int
				PerPage int `json:"per_page"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	cards := resp.Data.Cards
	if cards.Total < 3 || len(cards.Data) != cards.Total {
		t.Fatalf("merged %d items of %d", len(cards.Data), cards.Total)
	}
	pages := (cards.Total + 1) / 2
	if n := h.server.Stats().Requests; n < pages {
		t.Errorf("%d requests for %d pages", n, pages)
	}
	// Each item once, in order: card references are unique.
	seen := map[string]bool{}
	for _, c := range cards.Data {
		ref := string(c["card_reference"])
		if seen[ref] {
			t.Errorf("%s twice", ref)
		}
		seen[ref] = true
	}
	// Not a terminal: no progress line.
	if strings.Contains(errOut, "page") {
		t.Errorf("progress on a pipe: %q", errOut)
	}
}

func TestRunPaginateMaxPagesAndJQ(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "run", "-q", pagedDoc, "--var", "limit=1", "--paginate", "--max-pages", "2",
		"--jq", ".data.Cards.data | length")
	if code != exitOK || strings.TrimSpace(out) != "2" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "stopped after 2 pages (--max-pages)") {
		t.Errorf("stderr %q", errOut)
	}
	if n := h.server.Stats().Requests; n > 3 { // a login, two pages
		t.Errorf("%d requests", n)
	}
}

func TestRunPaginateProgressOnATerminal(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, errOut := h.runWith(func(c *program) { c.stderrTTY = true }, "run", "-q", pagedDoc, "--var", "limit=2", "--paginate")
	if code != exitOK || !strings.Contains(errOut, "fetching page 2…") || !strings.Contains(errOut, "of") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestRunPaginateNeedsAPageVariable(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, _, errOut := h.run("", "run", "-q", `{ Cards(limit: 1) { total } }`, "--paginate")
	if code != exitUsage || !strings.Contains(errOut, "no $page variable or page: argument") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, _, _ = h.run("", "run", "-q", pagedDoc, "--paginate", "--max-pages", strconv.Itoa(0))
	if code != exitUsage {
		t.Errorf("--max-pages 0: exit %d", code)
	}
	if n := h.server.Stats().Requests; n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// A page: literal is stepped by rewriting it.
func TestRunPaginatePageLiteral(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "run", "-q", `{ Cards(limit: 3, page: 2) { data { id } total per_page } }`, "--paginate",
		"--jq", "[(.data.Cards.data | length), .data.Cards.total]", "--pretty=false")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got [2]int
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	// From page 2 to the end: every item but the first page's three.
	if got[0] != got[1]-3 {
		t.Errorf("merged %d items of %d from page 2", got[0], got[1])
	}
}
