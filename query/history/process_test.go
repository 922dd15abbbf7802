package history

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The helper process: the test binary re-executed with helperEnv set runs
// TestHelperProcess only, which does one job and exits.
const (
	helperEnv     = "QUERY_TEST_HELPER"
	helperPathEnv = "QUERY_TEST_HELPER_PATH"
	helperIDEnv   = "QUERY_TEST_HELPER_ID"
	helperNEnv    = "QUERY_TEST_HELPER_N"
)

// TestHelperProcess is not a test: it is the body of the helper processes the
// multi-process tests start. Run normally, it returns at once.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	path := os.Getenv(helperPathEnv)
	id, _ := strconv.Atoi(os.Getenv(helperIDEnv))
	n, _ := strconv.Atoi(os.Getenv(helperNEnv))
	var err error
	switch mode {
	case "append":
		err = helperAppend(path, id, n)
	default:
		err = fmt.Errorf("unknown helper mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func helperAppend(path string, id, n int) error {
	h := New(path, 0)
	for i := range n {
		e := numbered(i)
		e.Operation = fmt.Sprintf("P%dE%d", id, i)
		if err := h.Append(e); err != nil {
			return err
		}
	}
	return nil
}

// helperCommand prepares the test binary to run as a helper.
func helperCommand(t *testing.T, mode, path string, id, n int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		helperEnv+"="+mode,
		helperPathEnv+"="+path,
		helperIDEnv+"="+strconv.Itoa(id),
		helperNEnv+"="+strconv.Itoa(n),
	)
	return cmd
}

// TestHistoryConcurrentProcessesLoseNothing runs 4 processes appending 200
// entries each to one history at the same time (reliability property 24).
func TestHistoryConcurrentProcessesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 4 processes")
	}
	const procs, each = 4, 200
	path := filepath.Join(t.TempDir(), "state", "history.jsonl")
	var wg sync.WaitGroup
	for p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, err := helperCommand(t, "append", path, p, each).CombinedOutput(); err != nil {
				t.Errorf("helper %d: %v\n%s", p, err, out)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	// Every line parses on its own.
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		lines++
		if _, err := decodeHistoryLine(sc.Bytes()); err != nil {
			t.Fatalf("line %d does not parse: %v: %q", lines, err, sc.Text())
		}
	}
	if lines != procs*each {
		t.Fatalf("%d lines, want %d", lines, procs*each)
	}
	got, warnings := mustLoadHistory(t, New(path, 0), 0)
	if len(warnings) != 0 {
		t.Fatalf("warnings: %q", warnings)
	}
	seen := map[string]bool{}
	last := make([]int, procs) // each process's entries appear in its own order
	for i := range last {
		last[i] = each
	}
	for _, e := range got { // newest first
		var p, i int
		if _, err := fmt.Sscanf(e.Operation, "P%dE%d", &p, &i); err != nil || seen[e.Operation] {
			t.Fatalf("unexpected or repeated entry %q", e.Operation)
		}
		seen[e.Operation] = true
		if i >= last[p] {
			t.Fatalf("process %d: entry %d came after %d", p, i, last[p])
		}
		last[p] = i
	}
	if len(seen) != procs*each {
		t.Fatalf("%d distinct entries, want %d", len(seen), procs*each)
	}
	if strings.Count(readString(t, path), "\n") != procs*each {
		t.Fatal("line count changed after Load")
	}
}
