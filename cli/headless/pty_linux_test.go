//go:build linux

package headless

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"net/http/httptest"

	"github.com/toggle-explorer/toggle-explorer/mockapi/hostile"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// The two questions termenv asks a terminal: background colour (OSC 11) and cursor position (DSR).
var queries = [][]byte{[]byte("\x1b]11;?"), []byte("\x1b[6n")}

// TestTheBinaryOnATerminal builds the binary and runs it on a pseudo-terminal that never answers.
// Headless command lines may not write a terminal query (before the fix each of them wrote both
// and waited 5 s); the TUI's command line, run the same way, does write it, so the check can see
// one. Against a server that answers with escape sequences in every field, no command puts a raw
// control or bidi character on the terminal.
func TestTheBinaryOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary with")
	}
	bin := filepath.Join(t.TempDir(), "toggle-explorer")
	build := exec.Command(gocmd, "build", "-o", bin, "github.com/toggle-explorer/toggle-explorer")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	home := t.TempDir()
	env := []string{"TERM=xterm-256color", "HOME=" + home, "XDG_CONFIG_HOME=" + home, "XDG_DATA_HOME=" + home,
		"XDG_STATE_HOME=" + home, "XDG_CACHE_HOME=" + home, "PATH=" + os.Getenv("PATH")}
	for _, args := range [][]string{
		{"--help"}, {"help"}, {"run", "--help"}, {"run", "-q", "{ a }", "--endpoint", "http://127.0.0.1:1/graphql", "--no-store"},
		{"check", "--schema", "/nonexistent", "x.graphql"}, {"login", "--check", "--no-store"},
		{"token", "not-a-token"}, {"queries"}, {"history"}, {"--list-themes"},
	} {
		out := runOnPTY(t, bin, args, env, false)
		for _, q := range queries {
			if bytes.Contains(out, q) {
				t.Errorf("%q wrote the terminal query %q:\n%q", args, q, out)
			}
		}
	}
	// The real binary on a terminal, against a server that answers with escape sequences in
	// every field: not one raw control or bidi character on the screen.
	srv := httptest.NewServer(hostile.Handler(time.Now))
	defer srv.Close()
	hostileEnv := append(env, "TOGGLE_ENDPOINT="+srv.URL+"/graphql", "TOGGLE_USERNAME=demo")
	for _, c := range []struct {
		password string
		args     []string
	}{
		{hostile.Password, []string{"login", "-v", "--no-store"}},
		{"wrong", []string{"login", "-v", "--no-store"}},
		{hostile.Password, []string{"run", "-v", "--no-store", "-q", hostile.QueryErrors}},
		{hostile.Password, []string{"run", "--no-store", "-q", hostile.QueryNonJSON}},
		{hostile.Password, []string{"run", "--no-store", "-q", hostile.QueryInvalid}},
		{hostile.Password, []string{"run", "--no-store", "-q", hostile.QueryData}},
		{"", []string{"token", hostile.Token(time.Now())}},
	} {
		out := runOnPTY(t, bin, c.args, append(hostileEnv, "TOGGLE_PASSWORD="+c.password), false)
		if i := display.Unsafe(string(out), false); i >= 0 {
			t.Errorf("%q put a raw unsafe byte on the terminal at %d: %q", c.args, i, out[max(0, i-30):min(len(out), i+30)])
		}
		if !bytes.Contains(out, []byte(`\x1b]`)) && !bytes.Contains(out, []byte(`\u202e`)) {
			t.Errorf("%q: the hostile text is not on the terminal, escaped:\n%q", c.args, out)
		}
	}

	// Positive control: the TUI still asks (its colours depend on the answer); the process is
	// killed once the question is seen.
	out := runOnPTY(t, bin, []string{"--endpoint", "http://127.0.0.1:1/graphql"}, env, true)
	if !bytes.Contains(out, queries[0]) {
		t.Errorf("the TUI did not query the terminal, so this test cannot see a query:\n%q", out)
	}
}

// runOnPTY runs bin with args as the session leader of a new pseudo-terminal and returns all it
// wrote there. With untilQuery it kills the process as soon as the first query appears.
func runOnPTY(t *testing.T, bin string, args, env []string, untilQuery bool) []byte {
	t.Helper()
	master, slave := openPTY(t)
	defer master.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close() // the child holds it; reads on the master end (EIO) when the child exits
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := master.Read(buf)
		out = append(out, buf[:n]...)
		if untilQuery && bytes.Contains(out, queries[0]) {
			_ = cmd.Process.Kill()
			untilQuery = false
		}
		if err != nil {
			break
		}
	}
	_ = cmd.Wait()
	return out
}

// openPTY opens a pseudo-terminal pair with the plain Linux interface (/dev/ptmx), so the test
// needs no dependency.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	unlock := int32(0)
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		master.Close()
		t.Fatalf("unlock pty: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		master.Close()
		t.Fatalf("pty number: %v", e)
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.FormatUint(uint64(n), 10), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		if errors.Is(err, os.ErrPermission) {
			t.Skipf("cannot open the pty: %v", err)
		}
		t.Fatal(err)
	}
	return master, slave
}
