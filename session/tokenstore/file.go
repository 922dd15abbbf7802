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

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// fileFormatVersion guards against reading a future layout as if it were this one.
const fileFormatVersion = 1

// File stores tokens in one JSON file, 0600, written atomically under an advisory lock so that
// several explorer processes never lose each other's tokens.
type File struct {
	path string
}

// NewFile returns a store backed by the file at path (created on first save).
func NewFile(path string) *File { return &File{path: path} }

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
	content, err := f.read()
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
	if _, err := securefile.Tighten(f.path); err != nil {
		return content, err
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
		return content, fmt.Errorf("token file %s is not valid JSON; delete it to start afresh", f.path)
	}
	if onDisk.Version != fileFormatVersion {
		return content, fmt.Errorf("token file %s has format version %d, this build reads %d", f.path, onDisk.Version, fileFormatVersion)
	}
	if onDisk.Tokens != nil {
		content.Tokens = onDisk.Tokens
	}
	return content, nil
}
