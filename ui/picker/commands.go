package picker

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
)

// Preview bounds: the pane shows a screenful, so more is never read into the cache. A saved
// query may be up to saved.MaxFileSize; keeping whole files for every name the user scrolls
// past would hold megabytes for nothing.
const (
	previewMaxLines = 200
	previewMaxBytes = 64 << 10
)

// ListCmd lists the library.
func ListCmd(lib *saved.Library) tea.Cmd {
	return func() tea.Msg { return list(lib) }
}

// PreviewCmd reads the saved query name for the preview.
func PreviewCmd(lib *saved.Library, name string) tea.Cmd {
	return func() tea.Msg { return preview(lib, name) }
}

// RenameCmd renames a saved query (both files), then lists the library.
func RenameCmd(lib *saved.Library, oldName, newName string) tea.Cmd {
	return func() tea.Msg { return rename(lib, oldName, newName) }
}

// DuplicateCmd copies a saved query (both files) to newName, then lists the library.
func DuplicateCmd(lib *saved.Library, name, newName string) tea.Cmd {
	return func() tea.Msg { return duplicate(lib, name, newName) }
}

// DeleteCmd deletes a saved query and its variables file, then lists the library.
func DeleteCmd(lib *saved.Library, name string) tea.Cmd {
	return func() tea.Msg { return remove(lib, name) }
}

// openCmd reads the query to open; OpenMsg on success.
func openCmd(lib *saved.Library, name, operation string) tea.Cmd {
	return func() tea.Msg {
		s, err := lib.Load(name)
		if err != nil {
			return openFailedMsg{name: name, err: err}
		}
		return OpenMsg{Name: name, Saved: s, Operation: operation}
	}
}

func list(lib *saved.Library) ListedMsg {
	entries, err := lib.List()
	return ListedMsg{Entries: entries, Err: err}
}

func preview(lib *saved.Library, name string) PreviewMsg {
	s, err := lib.Load(name)
	if err != nil {
		return PreviewMsg{Name: name, Err: err}
	}
	s.Text = head(s.Text)
	s.Variables = head(s.Variables)
	return PreviewMsg{Name: name, Saved: s}
}

func rename(lib *saved.Library, oldName, newName string) ChangedMsg {
	err := lib.Rename(oldName, newName)
	msg := changed(lib, err, fmt.Sprintf("Renamed %q to %q", oldName, newName))
	if err == nil {
		msg.Select = newName
	}
	return msg
}

func duplicate(lib *saved.Library, name, newName string) ChangedMsg {
	err := lib.Duplicate(name, newName)
	msg := changed(lib, err, fmt.Sprintf("Duplicated %q as %q", name, newName))
	if err == nil {
		msg.Select = newName
	}
	return msg
}

func remove(lib *saved.Library, name string) ChangedMsg {
	return changed(lib, lib.Delete(name), fmt.Sprintf("Deleted %q", name))
}

// changed builds the report of a change and lists the library after it.
func changed(lib *saved.Library, err error, note string) ChangedMsg {
	l := list(lib)
	msg := ChangedMsg{Err: err, Entries: l.Entries, ListErr: l.Err}
	if err == nil {
		msg.Note = note
	}
	return msg
}

// head keeps the first previewMaxLines lines of s, and at most previewMaxBytes (cut at a line
// end when there is one, so the preview never shows half a line as if it were whole).
func head(s string) string {
	if len(s) > previewMaxBytes {
		s = s[:previewMaxBytes]
		if i := strings.LastIndexByte(s, '\n'); i > 0 {
			s = s[:i]
		}
	}
	n, i := 0, 0
	for i < len(s) {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		n++
		if n == previewMaxLines {
			return s[:i+j]
		}
		i += j + 1
	}
	return s
}
