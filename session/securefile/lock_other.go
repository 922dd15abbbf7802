//go:build !unix && !windows

package securefile

import "os"

// lockFile is a no-op where the platform offers no advisory lock (wasm, plan9): writes stay
// atomic, but concurrent processes may lose each other's updates.
func lockFile(*os.File) error { return nil }

// unlockFile is a no-op too.
func unlockFile(*os.File) error { return nil }
