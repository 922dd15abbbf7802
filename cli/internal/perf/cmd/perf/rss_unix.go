//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSSKB is the finished process's peak RSS from its rusage (KiB on Linux), 0 when unknown.
func peakRSSKB(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && ru != nil {
		return ru.Maxrss
	}
	return 0
}
