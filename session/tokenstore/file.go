// Package tokenstore keeps the current Toggle token between runs, as Toggle's docs ask integrators
// to do: in the OS keyring where one answers, else in a private file. It implements
// session.TokenStore; the session saves on login and on every rotation and deletes on logout.
//
// The password is never stored here: Toggle tokens last 60 minutes, and the password lives in memory
// only for the life of the process.
package tokenstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// fileFormatVersion guards against reading a future layout as if it were this one.
const fileFormatVersion = 1

// File stores tokens in one JSON file, 0600, written atomically under an advisory lock so that
// several explorer processes never lose each other's tokens. It never lies about what it did: a
// corrupt file is quarantined (renamed aside, never silently reset), a file others could read is
// made private, and both are told through Warn.
type File struct {
	path string
	// Warn, when set, receives one line for each thing the user must know although the call
	// succeeded: a file made private, a corrupt file moved aside. Nil drops them.
	Warn func(msg string)
	// now names quarantined files; tests may fix it.
	now func() time.Time
}

// NewFile returns a store backed by the file at path (created on first save).
func NewFile(path string) *File { return &File{path: path, now: time.Now} }

// CorruptError says the token file holds something this build cannot read as a token file. It
// names the file but never quotes it (it may hold tokens).
type CorruptError struct {
	// Path is the token file.
	Path string
}

// Error says what is wrong and what the next login does about it.
func (e *CorruptError) Error() string {
	return "token file " + e.Path + " is corrupt (not valid JSON); the next login moves it aside"
}

func (f *File) warn(msg string) {
	if f.Warn != nil {
		f.Warn(msg)
	}
}

// fileContent is the on-disk layout: one record per endpoint.
type fileContent struct {
	Version int                            `json:"version"`
	Tokens  map[string]session.StoredToken `json:"tokens"`
}

// Where names the file, for "stored in ..." lines.
func (f *File) Where() string { return "file " + f.path }

// Load returns the token stored for endpoint, or session.ErrNotStored.
func (f *File) Load(endpoint string) (session.StoredToken, error) {
	content, err := f.read()
	if err != nil {
		return session.StoredToken{}, err
	}
	t, ok := content.Tokens[endpoint]
	if !ok {
		return session.StoredToken{}, session.ErrNotStored
	}
	return t, nil
}

// Save records t for endpoint, keeping every other endpoint's token.
func (f *File) Save(endpoint string, t session.StoredToken) error {
	return f.update(func(c *fileContent) { c.Tokens[endpoint] = t })
}

// Delete forgets endpoint's token. Deleting a missing token is not an error.
func (f *File) Delete(endpoint string) error {
	return f.update(func(c *fileContent) { delete(c.Tokens, endpoint) })
}

// update runs a locked read-modify-write of the file.
func (f *File) update(change func(*fileContent)) error {
	unlock, err := securefile.Lock(f.path)
	if err != nil {
		return err
	}
	defer unlock()
	// Under the lock every writer of this file is finished, so any temporary file left beside it
	// was abandoned by a process killed mid-write.
	f.removeStaleTemps()
	content, err := f.read()
	var corrupt *CorruptError
	if errors.As(err, &corrupt) {
		err = f.quarantine()
	}
	if err != nil {
		return err
	}
	change(&content)
	data, err := json.MarshalIndent(content, "", "  ")
	if err != nil {
		return fmt.Errorf("encode token file: %w", err)
	}
	return securefile.WriteFile(f.path, data, securefile.FilePerm)
}

// read parses the file; a missing file is empty. A file other users can read is made private first
// (it holds bearer tokens). A corrupt file is an error that names the file but never quotes it.
func (f *File) read() (fileContent, error) {
	content := fileContent{Version: fileFormatVersion, Tokens: map[string]session.StoredToken{}}
	if info, statErr := os.Stat(f.path); statErr == nil && info.Mode().Perm()&0o077 != 0 {
		mode := info.Mode().Perm()
		if _, err := securefile.Tighten(f.path); err != nil {
			return content, err
		}
		f.warn(fmt.Sprintf("token file %s was readable by other users (mode %04o); made it private (0600). "+
			"Its tokens may have been seen: log out or wait for them to expire", f.path, mode))
	}
	data, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return content, nil
	}
	if err != nil {
		return content, fmt.Errorf("read token file: %w", err)
	}
	var onDisk fileContent
	if err := json.Unmarshal(data, &onDisk); err != nil {
		// Never quote the content: it holds tokens.
		return content, &CorruptError{Path: f.path}
	}
	if onDisk.Version <= 0 {
		// Valid JSON but no version: not a file this program wrote (null, {}, a number).
		return content, &CorruptError{Path: f.path}
	}
	if onDisk.Version != fileFormatVersion {
		return content, fmt.Errorf("token file %s has format version %d, this build reads %d", f.path, onDisk.Version, fileFormatVersion)
	}
	if onDisk.Tokens != nil {
		content.Tokens = onDisk.Tokens
	}
	return content, nil
}

// quarantine renames a corrupt token file aside (tokens.json.corrupt-20260102T150405Z), keeping
// it for inspection instead of overwriting it, and says where it went.
func (f *File) quarantine() error {
	aside := f.path + ".corrupt-" + f.now().UTC().Format("20060102T150405.000Z")
	if err := os.Rename(f.path, aside); err != nil {
		return fmt.Errorf("token file %s is corrupt and could not be moved aside: %w", f.path, err)
	}
	f.warn("token file " + f.path + " was corrupt (not valid JSON); moved it aside to " + aside + " and started a new one")
	return nil
}

// removeStaleTemps deletes temporary files securefile.WriteFile left beside the token file when
// its process was killed before the rename. Callers hold the file's lock.
func (f *File) removeStaleTemps() {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(f.path), "."+filepath.Base(f.path)+".tmp-*"))
	for _, m := range matches {
		_ = os.Remove(m)
	}
}
