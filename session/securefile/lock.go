package securefile

import (
	"fmt"
	"os"
	"syscall"
)

// Lock takes an exclusive advisory lock on path+".lock" and returns the function that releases it.
// Several explorer processes may write the same token file or history at once; the lock makes each
// read-modify-write whole so no process loses another's entry. It blocks until the lock is free.
func Lock(path string) (unlock func(), err error) {
	lockPath := path + ".lock"
	if err := EnsureDir(dirOf(lockPath)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, FilePerm)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}, nil
}
