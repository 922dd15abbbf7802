package inspector

import (
	"fmt"
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
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

// CopyToClipboard returns a command that puts text on the terminal's clipboard with OSC 52 (see
// common.WriteClipboard: never through a redirected stream, since a curl command may hold a token).
func CopyToClipboard(text string) tea.Cmd {
	return func() tea.Msg {
		if err := common.WriteClipboard(text); err != nil {
			return CopiedMsg{Err: err}
		}
		return CopiedMsg{Where: clipboardWhere}
	}
}

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
