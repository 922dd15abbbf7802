package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A token that cannot be stored is a failed login, said on stderr without -v.
func TestLoginSaysWhenTheTokenCannotBeStored(t *testing.T) {
	h := newHarness(t, demoConfig())
	// The store's directory is a file: no directory can be made there, even by root.
	state := filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer")
	if err := os.MkdirAll(filepath.Dir(state), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(state, []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := h.run("", "login")
	if code == exitOK {
		t.Fatalf("login claimed success with no stored token:\n%s", out)
	}
	if !strings.Contains(errOut, "could not be stored") || !strings.Contains(errOut, "tokens.json") {
		t.Fatalf("stderr does not say the token was not stored:\n%s", errOut)
	}
	if strings.Contains(out, "stored       file") {
		t.Fatalf("the summary claims a stored token:\n%s", out)
	}
}

// A corrupt store is named by login --check, and the next login moves it aside and says where.
func TestCorruptStoreIsReportedAndMovedAside(t *testing.T) {
	h := newHarness(t, demoConfig())
	path := filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "tokens.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"version":1}{"extra data"`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := h.run("", "login", "--check")
	if code != exitAuth || !strings.Contains(out, "corrupt") || !strings.Contains(out, path) {
		t.Fatalf("login --check: exit %d, %s", code, out)
	}
	code, _, errOut := h.run("", "login")
	if code != exitOK {
		t.Fatalf("login: exit %d: %s", code, errOut)
	}
	aside, _ := filepath.Glob(path + ".corrupt-*")
	if len(aside) != 1 || !strings.Contains(errOut, aside[0]) {
		t.Fatalf("moved aside to %v; stderr:\n%s", aside, errOut)
	}
	if code, out, _ := h.run("", "login", "--check"); code != exitOK {
		t.Fatalf("after the login: exit %d, %s", code, out)
	}
}

// A store file others can read is made private, and login says so.
func TestLoginWarnsAboutAnOpenStoreFile(t *testing.T) {
	h := newHarness(t, demoConfig())
	if code, _, errOut := h.run("", "login"); code != exitOK {
		t.Fatalf("login: %s", errOut)
	}
	path := filepath.Join(h.env["XDG_STATE_HOME"], "toggle-explorer", "tokens.json")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := h.run("", "login")
	if code != exitOK || !strings.Contains(errOut, "readable by other users") {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", info.Mode().Perm())
	}
}
