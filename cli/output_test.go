package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

const balanceDoc = `query Balance($ref: String!) { Cards(card_reference: $ref) { data { card_reference balance } total per_page } }`

func TestRunJQKeepsNumbersExactAndRawStrings(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, errOut := h.run("", "run", "-q", balanceDoc, "--var", "ref="+mockapi.SeedCardPartlyUsed,
		"--jq", ".data.Cards.data[0] | .card_reference, .balance", "-r")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := mockapi.SeedCardPartlyUsed + "\n3250\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	// Without -r a string output is JSON.
	_, out, _ = h.run("", "run", "-q", balanceDoc, "--var", "ref="+mockapi.SeedCardPartlyUsed,
		"--jq", ".data.Cards.data[0].card_reference")
	if out != `"`+mockapi.SeedCardPartlyUsed+`"`+"\n" {
		t.Errorf("stdout %q", out)
	}
}

func TestRunJQBadExpressionSendsNothing(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, _, errOut := h.run("", "run", "-q", balanceDoc, "--var", "ref=x", "--jq", ".data | map(.id")
	if code != exitUsage || !strings.Contains(errOut, "--jq: unexpected EOF at column 16") {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if code, _, _ := h.run("", "run", "-q", balanceDoc, "--var", "ref=x", "-r"); code != exitUsage {
		t.Errorf("-r without --jq: exit %d", code)
	}
	if n := h.server.Stats().Requests; n != 0 {
		t.Fatalf("%d requests reached the server", n)
	}
}

// GraphQL errors keep their exit code through a filter; a filter failing
// at run time exits 4 after the response said success.
func TestRunJQExitCodes(t *testing.T) {
	h := newHarness(t, demoConfig())
	code, out, _ := h.run("", "run", "-q",
		`mutation { createBalanceAdjustment(card_reference: "`+mockapi.SeedCardFresh+`", merchant_id: 26, value: -100) { id } }`,
		"--jq", ".errors[0].message")
	if code != exitGraphQL || !strings.HasPrefix(out, `"`) {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	code, _, errOut := h.run("", "run", "-q", balanceDoc, "--var", "ref="+mockapi.SeedCardPartlyUsed, "--jq", `.data.Cards.total + "x"`)
	if code != exitUsage || !strings.Contains(errOut, "jq: cannot add") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
}

func TestRunOutputFileNeverReplacedUnasked(t *testing.T) {
	h := newHarness(t, demoConfig())
	file := filepath.Join(t.TempDir(), "cards.json")
	args := []string{"run", "-q", balanceDoc, "--var", "ref=" + mockapi.SeedCardPartlyUsed, "-o", file}
	code, out, errOut := h.run("", args...)
	if code != exitOK || out != "" || !strings.Contains(errOut, "wrote "+file) {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), mockapi.SeedCardPartlyUsed) {
		t.Fatalf("file: %q, %v", data, err)
	}
	// Sizes have one format everywhere (the TUI's "wrote … (1.2 KiB)"), not "1234 bytes" here.
	if want := "wrote " + file + " (" + display.Size(int64(len(data))) + ")"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	sent := h.server.Stats().Requests
	code, _, errOut = h.run("", args...)
	if code != exitUsage || !strings.Contains(errOut, "pass --overwrite") {
		t.Fatalf("second run: exit %d, stderr %s", code, errOut)
	}
	if h.server.Stats().Requests != sent {
		t.Error("a refused -o still sent the request")
	}
	code, _, errOut = h.run("", append(args, "--overwrite", "--jq", ".data.Cards.total")...)
	if code != exitOK {
		t.Fatalf("--overwrite: exit %d, %s", code, errOut)
	}
	if data, _ := os.ReadFile(file); strings.TrimSpace(string(data)) != "1" {
		t.Errorf("replaced file holds %q", data)
	}
}

func TestRunOutputAsksOnATerminal(t *testing.T) {
	h := newHarness(t, demoConfig())
	file := writeTemp(t, "out.json", "keep me")
	for answer, wantCode := range map[string]int{"n\n": exitUsage, "y\n": exitOK} {
		c, errOut := h.runTTY(answer, "run", "-q", balanceDoc, "--var", "ref="+mockapi.SeedCardPartlyUsed, "-o", file)
		if c != wantCode || !strings.Contains(errOut, "exists; replace it? [y/N]") {
			t.Errorf("answer %q: exit %d, stderr %s", answer, c, errOut)
		}
	}
	if data, _ := os.ReadFile(file); string(data) == "keep me" {
		t.Error("y did not replace the file")
	}
}
