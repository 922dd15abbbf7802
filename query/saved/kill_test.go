package saved

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killName is the query the SIGKILL helper saves over and over.
const killName = "big query"

// bigQuery is version i of a large saved query: about 64 KiB, its version
// number in the first line so the parent can tell which complete version it
// is looking at and regenerate it to compare.
func bigQuery(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# version %d\nquery Big%d {\n", i, i)
	for f := range 2000 {
		fmt.Fprintf(&b, "  f%d: Cards(first: %d) { total }\n", f, i)
	}
	b.WriteString("}\n")
	return b.String()
}

func bigVars(i int) string {
	return fmt.Sprintf(`{"version": %d, "pad": %q}`, i, strings.Repeat("x", 4096))
}

// helperSave saves bigQuery(i) for i = 0, 1, 2, ... until killed, reporting
// "ready" on stdout once the first version is on disk.
func helperSave(dir string) error {
	l := NewLibrary(dir)
	for i := 0; ; i++ {
		if _, err := l.Save(killName, bigQuery(i), bigVars(i), Version{}, true); err != nil {
			return err
		}
		if i == 0 {
			fmt.Println("ready")
		}
	}
}

// TestSaveSurvivesSIGKILL kills a process in the middle of saving large
// queries, many times at random moments (reliability property 22): each time
// the query and its variables must be complete versions that parse.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 30 processes")
	}
	const kills = 30
	dir := filepath.Join(t.TempDir(), "queries")
	l := NewLibrary(dir)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0))
	for k := range kills {
		cmd := helperCommand(t, "save", dir)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready\n" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("kill %d: helper did not start: %q, %v", k, line, err)
		}
		time.Sleep(time.Duration(rng.IntN(20_000)) * time.Microsecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()

		s, err := l.Load(killName)
		if err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		if s.Warning != "" {
			t.Fatalf("kill %d: %s", k, s.Warning)
		}
		if v := versionOf(s.Text, "# version "); s.Text == "" || s.Text != bigQuery(v) {
			t.Fatalf("kill %d: the query is not a complete version (%d bytes)", k, len(s.Text))
		}
		if v := versionOf(s.Variables, `{"version": `); s.Variables != bigVars(v) {
			t.Fatalf("kill %d: the variables are not a complete version (%d bytes)", k, len(s.Variables))
		}
	}
	// Temporary files a kill left behind are not queries.
	if got, err := l.List(); err != nil || len(got) != 1 || got[0].Name != killName {
		t.Fatalf("List after the kills = %+v, %v", got, err)
	}
}

// versionOf reads the number after prefix at the start of text, -1 if none.
func versionOf(text, prefix string) int {
	rest, ok := strings.CutPrefix(text, prefix)
	if !ok {
		return -1
	}
	end := strings.IndexAny(rest, "\n,")
	if end < 0 {
		return -1
	}
	v, err := strconv.Atoi(rest[:end])
	if err != nil {
		return -1
	}
	return v
}
