package common

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	"golang.org/x/term"
)

// ClipboardCaveat is what to tell users about OSC 52: the terminal, not the
// explorer, decides whether the copy happens, and it cannot be checked.
const ClipboardCaveat = "if nothing arrives, your terminal ignores OSC 52"

// WriteClipboard puts text on the terminal's clipboard with an OSC 52 escape
// sequence (wrapped for tmux or screen when running inside one). It writes to
// the controlling terminal (/dev/tty), else to stderr when stderr is a
// terminal, never to a redirected stream: copied text may hold secrets that
// must not end up in a log file. Terminals that ignore OSC 52 silently do
// nothing; there is no way to tell. Call it from a tea.Cmd: it does I/O.
func WriteClipboard(text string) error {
	w, err := openTerminal()
	if err != nil {
		return err
	}
	defer w.Close()
	return WriteOSC52(w, text, os.Getenv)
}

// WriteOSC52 writes the clipboard sequence for text to w, wrapped for the
// multiplexer getenv reveals (tmux passes OSC 52 through only inside its DCS
// wrapper).
func WriteOSC52(w io.Writer, text string, getenv func(string) string) error {
	seq := osc52.New(text)
	switch {
	case getenv("TMUX") != "":
		seq = seq.Tmux()
	case strings.HasPrefix(getenv("TERM"), "screen"):
		seq = seq.Screen()
	}
	_, err := seq.WriteTo(w)
	return err
}

// openTerminal opens the controlling terminal for writing, or falls back to
// stderr if that is a terminal.
func openTerminal() (io.WriteCloser, error) {
	if f, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		return f, nil
	}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		return nopCloser{os.Stderr}, nil
	}
	return nil, errors.New("no terminal to send the clipboard sequence to; write a file instead")
}

// nopCloser keeps stderr open after a copy.
type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
