package main

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// tmuxServer is a private tmux server (its own socket) with a 120x40 session.
type tmuxServer struct {
	socket string
}

func startTmux(socket string) (*tmuxServer, error) {
	t := &tmuxServer{socket: socket}
	_ = t.run("kill-server")
	if err := t.run("new-session", "-d", "-s", "perf", "-x", "120", "-y", "40", "-n", "idle", "sh"); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *tmuxServer) run(args ...string) error {
	_, err := t.output(args...)
	return err
}

func (t *tmuxServer) output(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", t.socket}, args...)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

func (t *tmuxServer) close() { _ = t.run("kill-server") }

// window is one program running in a tmux window.
type window struct {
	t    *tmuxServer
	name string
	pid  int
}

// open starts shellCmd (which should exec the program, so the pane's pid is the program's) in a
// new window of the given size.
func (t *tmuxServer) open(name, shellCmd string) (*window, error) {
	if err := t.run("new-window", "-d", "-t", "perf", "-n", name, shellCmd); err != nil {
		return nil, err
	}
	w := &window{t: t, name: name}
	out, err := t.output("display-message", "-p", "-t", "perf:"+name, "#{pane_pid}")
	if err != nil {
		w.close()
		return nil, err
	}
	w.pid, err = strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *window) target() string { return "perf:" + w.name }

// screen is what the window shows now.
func (w *window) screen() (string, error) {
	return w.t.output("capture-pane", "-p", "-t", w.target())
}

// waitFor polls the screen until it holds text, and returns when it was first seen.
func (w *window) waitFor(text string, timeout time.Duration) (time.Time, error) {
	t, _, err := w.waitForAny(timeout, text)
	return t, err
}

// waitForAny polls the screen until it holds one of texts, and returns when and which.
func (w *window) waitForAny(timeout time.Duration, texts ...string) (time.Time, string, error) {
	deadline := time.Now().Add(timeout)
	for {
		s, err := w.screen()
		now := time.Now()
		if err != nil {
			return now, "", err
		}
		for _, text := range texts {
			if strings.Contains(s, text) {
				return now, text, nil
			}
		}
		if now.After(deadline) {
			return now, "", fmt.Errorf("%s: none of %q on screen after %s; screen:\n%s", w.name, texts, timeout, s)
		}
	}
}

// keys sends tmux key names (Enter, C-r) or, with literal, text as typed.
func (w *window) keys(literal bool, keys ...string) error {
	args := []string{"send-keys", "-t", w.target()}
	if literal {
		args = append(args, "-l")
	}
	return w.t.run(append(args, keys...)...)
}

func (w *window) close() { _ = w.t.run("kill-window", "-t", w.target()) }
