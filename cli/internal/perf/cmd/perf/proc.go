package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// sample is one whole-process measurement.
type sample struct {
	wall   time.Duration
	peakKB int64 // peak RSS (KiB), the figure /usr/bin/time -v reports
}

// runProc runs argv to completion with stdout draining into a pipe (as a shell pipeline would)
// and returns its wall time and peak RSS. A non-zero exit other than allowed is an error.
func runProc(env []string, allowExit int, argv ...string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		return sample{}, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	n, _ := io.Copy(io.Discard, out)
	err = cmd.Wait()
	wall := time.Since(t0)
	if err != nil && cmd.ProcessState.ExitCode() != allowExit {
		return sample{}, fmt.Errorf("%s: %v (%d bytes out): %s", argv[0], err, n, strings.TrimSpace(stderr.String()))
	}
	return sample{wall: wall, peakKB: peakRSSKB(cmd.ProcessState)}, nil
}

// procStatusKB reads a field of /proc/PID/status in KiB (VmRSS, VmHWM).
func procStatusKB(pid int, field string) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, pid)
}

// cpuTicks is a process's user+system CPU time in clock ticks (1/100 s on Linux).
func cpuTicks(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// Fields after the command name (which may hold spaces) start after the last ')'.
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc/%d/stat", pid)
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("bad /proc/%d/stat", pid)
	}
	return ut + st, nil
}

const clockTicks = 100 // USER_HZ on Linux
