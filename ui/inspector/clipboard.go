package inspector

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"

	"github.com/toggle-explorer/toggle-explorer/session"
)

// clipboardWhere is CopiedMsg.Where for a clipboard copy.
const clipboardWhere = "clipboard"

// curlFilePattern names the files WriteCurlFile creates (the * becomes a random suffix).
const curlFilePattern = "toggle-curl-*.sh"

// CopyCurl is what the root does with a CopyCurlMsg: it builds the command now, from src's
// in-memory snapshot (so the command cannot pick up a later token), and returns the command that
// copies it to the clipboard or writes it under dir. The text lives only in the returned closure.
func CopyCurl(src Source, msg CopyCurlMsg, dir string) tea.Cmd {
	text, err := CurlText(src, msg)
	if err != nil {
		return func() tea.Msg { return CopiedMsg{Err: err} }
	}
	if msg.ToFile {
		return WriteCurlFile(dir, text)
	}
	return CopyToClipboard(text)
}

// CurlText renders the request msg.ExchangeID as a curl command: redacted ($TOGGLE_TOKEN) unless
// msg.Reveal, the user's explicit choice.
func CurlText(src Source, msg CopyCurlMsg) (string, error) {
	for _, x := range src.Exchanges() {
		if x.ID == msg.ExchangeID {
			// The redacted command uses the token only for its fingerprint (CurlCommand).
			tok, _ := src.Token()
			return session.CurlCommand(x, src.Endpoint(), tok, msg.Reveal), nil
		}
	}
	return "", fmt.Errorf("request #%d is no longer in the log", msg.ExchangeID)
}

// CopyToClipboard returns a command that puts text on the terminal's clipboard with an OSC 52
// escape sequence (wrapped for tmux or screen when running inside one). It writes to the
// controlling terminal (/dev/tty), else to stderr when stderr is a terminal, never to a redirected
// stream: a curl command with a token must not end up in a log file. Terminals that ignore OSC 52
// silently do nothing; there is no way to tell.
func CopyToClipboard(text string) tea.Cmd {
	return func() tea.Msg {
		w, err := openTerminal()
		if err != nil {
			return CopiedMsg{Err: err}
		}
		defer w.Close()
		if err := writeOSC52(w, text, os.Getenv); err != nil {
			return CopiedMsg{Err: fmt.Errorf("writing to the terminal: %w", err)}
		}
		return CopiedMsg{Where: clipboardWhere}
	}
}

// writeOSC52 writes the clipboard sequence for text to w, wrapped for the multiplexer getenv
// reveals (tmux passes OSC 52 through only inside its DCS wrapper).
func writeOSC52(w io.Writer, text string, getenv func(string) string) error {
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

// openTerminal opens the controlling terminal for writing, or falls back to stderr if that is a
// terminal.
func openTerminal() (io.WriteCloser, error) {
	if f, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		return f, nil
	}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		return nopCloser{os.Stderr}, nil
	}
	return nil, errors.New("no terminal to send the clipboard sequence to; use w to write a file instead")
}

// nopCloser keeps stderr open after a copy.
type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// WriteCurlFile returns a command that writes text to a new file in dir (created 0700 if missing)
// named toggle-curl-<random>.sh, mode 0600 whatever the umask, since it may hold a token. The
// reply's Where is the file's path.
func WriteCurlFile(dir, text string) tea.Cmd {
	return func() tea.Msg {
		path, err := writePrivateFile(dir, text)
		if err != nil {
			return CopiedMsg{Err: err}
		}
		return CopiedMsg{Where: path}
	}
}

// writePrivateFile creates the file with O_EXCL (os.CreateTemp) so an existing file or symlink is
// never followed or overwritten, and removes it again if the write fails.
func writePrivateFile(dir, text string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, curlFilePattern)
	if err != nil {
		return "", fmt.Errorf("creating a file in %s: %w", dir, err)
	}
	path := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.WriteString(text)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return "", fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	return path, nil
}
