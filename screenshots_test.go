package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `make screenshots` on a machine without its tools or its font names what to install before it
// starts anything (as a user who is not root; root with apt-get installs them instead).
func TestScreenshotsNameWhatTheyNeed(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	bin := t.TempDir()
	// Only what the script needs to get as far as its check; rsvg-convert is there, tmux and the
	// font (fc-list) are not.
	for _, tool := range []string{"dirname", "grep"} {
		path, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("no %s", tool)
		}
		if err := os.Symlink(path, filepath.Join(bin, tool)); err != nil {
			t.Fatal(err)
		}
	}
	stubs := map[string]string{"id": "echo 1000", "rsvg-convert": "exit 0"}
	for name, body := range stubs {
		if err := os.WriteFile(filepath.Join(bin, name), []byte("#!"+bash+"\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bash, "screenshots/make.sh")
	cmd.Env = []string{"PATH=" + bin, "HOME=" + t.TempDir()}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	err = cmd.Run()
	if err == nil {
		t.Fatal("the script went on without its tools")
	}
	out := stderr.String()
	for _, want := range []string{"missing tmux fonts-jetbrains-mono", "apt-get install"} {
		if !strings.Contains(out, want) {
			t.Errorf("the script does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "librsvg2-bin") {
		t.Errorf("the script asks for rsvg-convert, which is there:\n%s", out)
	}
}
