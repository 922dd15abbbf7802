// Package securefile writes private files the crash-safe way: a temporary file in the same
// directory, written, synced and closed, then renamed over the target. After a crash at any point the
// target is either the complete old version or the complete new one, never empty or torn (the failure
// seen in go-gh's truncating writes, cli/cli#5949). Directories are created 0700 and files 0600
// whatever the process umask, because they may hold tokens.
package securefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// DirPerm is the mode of every directory this package creates.
const DirPerm fs.FileMode = 0o700

// FilePerm is the default mode of files holding anything private.
const FilePerm fs.FileMode = 0o600

// EnsureDir creates dir and its missing parents with mode 0700. An existing directory is left as it
// is unless it is the leaf, whose mode is tightened to 0700 (an umask of 000 must not leave it open).
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, DirPerm); err != nil {
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, DirPerm); err != nil {
			return fmt.Errorf("make directory %s private: %w", dir, err)
		}
	}
	return nil
}

// WriteFile atomically replaces path with data, creating the directory if needed. The file gets
// mode perm regardless of the umask. On any failure the previous content of path is untouched and
// the temporary file is removed.
func WriteFile(path string, data []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	if err := EnsureDir(dir); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
	}()
	// CreateTemp already uses 0600; Chmod sets the exact requested mode, immune to the umask.
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Sync before rename: without it a power loss can leave the new name pointing at empty blocks.
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmpName, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable. Failure is ignored: some filesystems refuse to fsync a
// directory, and the data is already safe under its new name on every filesystem we know of.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

// ErrTooOpen reports a private file that group or others may read.
var ErrTooOpen = errors.New("file is readable by other users")

// CheckPrivate returns ErrTooOpen (wrapped with the path and mode) when path exists and is
// accessible to group or others, and nil when it is private or missing.
func CheckPrivate(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s has mode %04o: %w", path, info.Mode().Perm(), ErrTooOpen)
	}
	return nil
}

// Tighten sets path to mode 0600 if group or others could access it, and reports whether it changed
// anything, so a caller can tell the user that a credential file was exposed.
func Tighten(path string) (bool, error) {
	if err := CheckPrivate(path); !errors.Is(err, ErrTooOpen) {
		return false, err
	}
	if err := os.Chmod(path, FilePerm); err != nil {
		return false, fmt.Errorf("make %s private: %w", path, err)
	}
	return true, nil
}

func dirOf(path string) string { return filepath.Dir(path) }
