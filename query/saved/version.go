package saved

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// Version identifies what a saved query's two files held when they were read:
// for each file whether it existed, its modification time, size and SHA-256.
// The zero Version means "neither file exists", which is how Save is told that
// a query is new. Versions are comparable with == (which includes the
// modification times); Equal compares contents only.
type Version struct {
	query, vars, headers fileStamp
}

// fileStamp describes one file; the zero value is a missing file.
type fileStamp struct {
	present bool
	modTime int64 // Unix nanoseconds
	size    int64
	sum     [sha256.Size]byte
}

// IsZero reports whether v describes a query with neither file on disk.
func (v Version) IsZero() bool { return !v.query.present && !v.vars.present && !v.headers.present }

// Equal reports whether v and o describe the same bytes in both files (and
// the same files missing). Modification times are ignored on purpose: a
// `touch` or a checkout that rewrote identical bytes loses nothing if the file
// is then overwritten, while a change of content within the filesystem's
// timestamp granularity is still caught.
func (v Version) Equal(o Version) bool {
	return v.query.sameContent(o.query) && v.vars.sameContent(o.vars) && v.headers.sameContent(o.headers)
}

// ModTime returns the latest modification time of its files, or the zero
// time when neither exists.
func (v Version) ModTime() time.Time {
	t := max(v.query.modTime, v.vars.modTime, v.headers.modTime)
	if v.IsZero() {
		return time.Time{}
	}
	return time.Unix(0, t)
}

// String gives short content fingerprints for logs and debugging, e.g.
// "graphql:3f2a9c1b0d4e vars:none" (and " headers:…" when there is a headers file, so the
// tabs file notices a change of that file too).
func (v Version) String() string {
	s := "graphql:" + v.query.String() + " vars:" + v.vars.String()
	if v.headers.present {
		s += " headers:" + v.headers.String()
	}
	return s
}

func (s fileStamp) sameContent(o fileStamp) bool {
	return s.present == o.present && s.size == o.size && s.sum == o.sum
}

func (s fileStamp) String() string {
	if !s.present {
		return "none"
	}
	return hex.EncodeToString(s.sum[:6])
}

// readStamped reads a file of the library. A missing file is a zero stamp and
// nil data, not an error. The stamp is computed from the bytes actually read,
// so it describes exactly what the caller got even if the file is replaced
// meanwhile.
func readStamped(path string) (fileStamp, []byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileStamp{}, nil, nil
	}
	if err != nil {
		return fileStamp{}, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fileStamp{}, nil, err
	}
	if !info.Mode().IsRegular() {
		return fileStamp{}, nil, fmt.Errorf("%s is not a regular file", path)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(f, MaxFileSize+1)); err != nil {
		return fileStamp{}, nil, fmt.Errorf("read %s: %w", path, err)
	}
	if buf.Len() > MaxFileSize {
		return fileStamp{}, nil, fmt.Errorf("%s is larger than %s", path, display.Size(MaxFileSize))
	}
	data := buf.Bytes()
	return fileStamp{
		present: true,
		modTime: info.ModTime().UnixNano(),
		size:    int64(len(data)),
		sum:     sha256.Sum256(data),
	}, data, nil
}

// Current returns the Version of name as it is on disk now (the zero Version
// when neither file exists). The UI compares it with the Version it loaded to
// notice a change made by another program.
func (l *Library) Current(name string) (Version, error) {
	if err := ValidName(name); err != nil {
		return Version{}, err
	}
	v, _, _, _, err := l.read(name)
	return v, err
}

// read reads the files of name.
func (l *Library) read(name string) (v Version, text, vars, hdrs []byte, err error) {
	if v.query, text, err = readStamped(l.queryPath(name)); err != nil {
		return Version{}, nil, nil, nil, err
	}
	if v.vars, vars, err = readStamped(l.varsPath(name)); err != nil {
		return Version{}, nil, nil, nil, err
	}
	if v.headers, hdrs, err = readStamped(l.headersPath(name)); err != nil {
		return Version{}, nil, nil, nil, err
	}
	return v, text, vars, hdrs, nil
}
