package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// Append records one execution. It sanitizes e first (see Entry), then,
// under the history's lock, appends it as one line with a single O_APPEND
// write and fsyncs, so entries from several processes never interleave or get
// lost. If the file ends in a torn line (a writer died mid-line), a newline is
// written first so the new entry stays whole; Load quarantines the fragment.
// When the line would take the file past its bound, the file is rewritten
// with the newest entries instead (see Log).
//
// A Body is kept beside the history first (see MaxResponseBytes); when that
// fails the entry is still recorded, without it, and the error is returned.
func (h *Log) Append(e Entry) error {
	e = sanitize(e, time.Now())
	if err := securefile.EnsureDir(filepath.Dir(h.path)); err != nil {
		return err
	}
	unlock, err := securefile.Lock(h.path)
	if err != nil {
		return err
	}
	defer unlock()
	name, keepErr := h.keepResponse(e.Body, e.Time)
	e.Response, e.Body = name, nil
	if err := h.appendLine(e); err != nil {
		return err
	}
	return keepErr
}

// appendLine writes e's line; the caller holds the lock.
func (h *Log) appendLine(e Entry) error {
	line, err := encodeHistoryLine(e)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}

	f, err := os.OpenFile(h.path, os.O_RDWR|os.O_APPEND|os.O_CREATE, securefile.FilePerm)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		if err := f.Chmod(securefile.FilePerm); err != nil {
			return fmt.Errorf("history: make private: %w", err)
		}
	}
	size := info.Size()
	if size > 0 && !endsWithNewline(f, size) {
		line = append([]byte{'\n'}, line...)
	}
	if size+int64(len(line)) > h.maxBytes {
		return h.rotate(f, size, line)
	}
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return f.Close()
}

// rotate replaces the history with its newest lines that fit, together with
// line, in half the bound; the newest line is always kept. The caller holds
// the lock; f is the open history of the given size.
func (h *Log) rotate(f *os.File, size int64, line []byte) error {
	keep := h.maxBytes/2 - int64(len(line))
	var tail []byte
	if keep > 0 && size > 0 {
		// Read one byte before the kept part, to know whether the kept part
		// starts on a line boundary.
		off := max(0, size-keep-1)
		tail = make([]byte, size-off)
		if _, err := f.ReadAt(tail, off); err != nil && err != io.EOF {
			return fmt.Errorf("history: %w", err)
		}
		if off > 0 || int64(len(tail)) > keep {
			// Drop everything up to the first line boundary: a partial
			// first line would be a corrupt record.
			if i := bytes.IndexByte(tail, '\n'); i >= 0 {
				tail = tail[i+1:]
			} else {
				tail = nil
			}
		}
	}
	if line[0] == '\n' && len(tail) == 0 {
		line = line[1:] // the torn line it was separating from is gone
	}
	data := append(tail, line...)
	if err := securefile.WriteFile(h.path, data, securefile.FilePerm); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

// endsWithNewline reports whether the file of the given (non-zero) size ends
// with '\n'. A read error counts as "no", which at worst adds an empty line.
func endsWithNewline(f *os.File, size int64) bool {
	var b [1]byte
	_, err := f.ReadAt(b[:], size-1)
	return err == nil && b[0] == '\n'
}

// encodeHistoryLine encodes e as one JSON line ending in '\n'. encoding/json
// escapes every newline inside strings, so the record is exactly one line.
// HTML escaping is off so documents stay readable in the file.
func encodeHistoryLine(e Entry) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
