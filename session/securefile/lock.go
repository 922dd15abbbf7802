package securefile

import (
	"fmt"
	"os"
)

// Lock takes an exclusive advisory lock on path+".lock" and returns the function that releases it.
// Several explorer processes may write the same token file or history at once; the lock makes each
// read-modify-write whole so no process loses another's entry. It blocks until the lock is free.
// The locking call is per platform: flock(2) on Unix, LockFileEx on Windows.
func Lock(path string) (unlock func(), err error) {
	lockPath := path + ".lock"
	if err := EnsureDir(dirOf(lockPath)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, FilePerm)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		_ = unlockFile(f)
		_ = f.Close()
	}, nil
}
