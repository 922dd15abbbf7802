package saved

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// The helper process: the test binary re-executed with helperEnv set runs
// TestHelperProcess only, which does one job and exits.
const (
	helperEnv     = "QUERY_TEST_HELPER"
	helperPathEnv = "QUERY_TEST_HELPER_PATH"
)

// TestHelperProcess is not a test: it is the body of the helper processes the
// multi-process tests start. Run normally, it returns at once.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	var err error
	switch mode {
	case "save":
		err = helperSave(os.Getenv(helperPathEnv))
	default:
		err = fmt.Errorf("unknown helper mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// helperCommand prepares the test binary to run as a helper.
func helperCommand(t *testing.T, mode, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperPathEnv+"="+path)
	return cmd
}

// appendRaw appends s to the file at path, as a torn or foreign write would.
func appendRaw(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}
