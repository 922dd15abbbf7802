package results

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Copying (OSC 52) and writing files. Both happen in commands; the app
// shows their outcome as a notice (common.InfoMsg / common.ErrorMsg).

// copyCmd puts text on the clipboard and reports it, with the caveat that
// the terminal may ignore OSC 52.
func copyCmd(clip func(string) error, text, what string) tea.Cmd {
	return func() tea.Msg {
		if err := clip(text); err != nil {
			return common.ErrorMsg{Err: fmt.Errorf("copy %s: %w", what, err)}
		}
		// what can hold a path made of the server's keys: escaped like all server text.
		return common.InfoMsg{Text: display.Line(fmt.Sprintf("copied %s (%s) to the clipboard; %s", what, display.Size(int64(len(text))), common.ClipboardCaveat))}
	}
}

// copyValue copies the value under the cursor: a string's text, anything
// else as indented JSON.
func (m Model) copyValue() tea.Cmd {
	line := m.cursorLine()
	if line < 0 {
		return nil
	}
	if !m.doc.json {
		return copyCmd(m.clip, string(m.doc.Line(line)), "the line")
	}
	raw := m.doc.valueBytes(m.doc.structure(), line)
	path := m.doc.pathAt(m.doc.structure(), line)
	clip := m.clip
	return func() tea.Msg {
		text := string(raw)
		var s string
		if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
			text = s
		} else {
			var b bytes.Buffer
			if json.Indent(&b, raw, "", "  ") == nil {
				text = b.String()
			}
		}
		return copyCmd(clip, text, "the value at "+path)()
	}
}

// copyPath copies the path of the value under the cursor.
func (m Model) copyPath() tea.Cmd {
	line := m.cursorLine()
	if line < 0 || !m.doc.json {
		return nil
	}
	p := m.doc.pathAt(m.doc.structure(), line)
	return copyCmd(m.clip, p, "the path "+p)
}

// copyAll copies the whole response, or the filter's output when a filter
// is applied.
func (m Model) copyAll() tea.Cmd {
	if m.doc == nil || m.doc.LineCount() == 0 {
		return nil
	}
	what := "the response"
	if m.orig != nil {
		what = "the filtered response"
	}
	// A large document builds its indented text here (see Document.full): in the command, as
	// the copy into a string, not in Update.
	doc, clip := m.doc, m.clip
	return func() tea.Msg { return copyCmd(clip, string(doc.Bytes()), what)() }
}

// fileWrittenMsg is the outcome of writing a file: exists is true when the
// file was there already and nothing was written.
type fileWrittenMsg struct {
	path   string
	size   int
	exists bool
	err    error
}

// writeFileCmd writes data to path, as a new file unless overwrite (O_EXCL:
// an existing file, or a symlink, is never replaced unasked).
func writeFileCmd(path string, content func() []byte, overwrite bool) tea.Cmd {
	return func() tea.Msg {
		flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
		if overwrite {
			flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		}
		f, err := os.OpenFile(path, flags, 0o644)
		if errors.Is(err, os.ErrExist) {
			return fileWrittenMsg{path: path, exists: true}
		}
		if err != nil {
			return fileWrittenMsg{path: path, err: err}
		}
		data := content() // a large document's indented text is built here, not in Update
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return fileWrittenMsg{path: path, size: len(data), err: err}
	}
}

// SetClipboard replaces how text reaches the clipboard (common.WriteClipboard
// by default; tests record instead of writing to the terminal).
func (m *Model) SetClipboard(write func(string) error) {
	m.clip = write
	m.table.clip = write
}
