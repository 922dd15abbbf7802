package cli

import "runtime/debug"

// oneShotGCPercent is the collector's pace in `run` and `check`: one response or one schema, and
// exit. Everything a large response allocates on the way in (the chunks of a body without
// Content-Length, then the body they are joined into) stays live until the body is whole, and so
// does most of what a schema load allocates, so collections at the default pace (GOGC=100) free
// little and only cost time: on a 20 MB chunked body, about 30 ms of an 80 ms run, with the same
// peak RSS. These commands collect less often.
const oneShotGCPercent = 400

// tuiGCPercent is the collector's pace in the TUI. Its idle live heap is a megabyte or so, but
// the collector lets the heap reach 4 MB x GOGC/100 before it runs, so at the default most of the
// idle footprint was garbage waiting (make perf: idle RSS). At 50 that floor is 2 MB, for a
// collection every few seconds of about a millisecond when idle; a large result's peak drops too.
const tuiGCPercent = 50

// paceGC sets the collector's pace (a GOGC percentage) for a command, unless the user chose one
// with GOGC, and returns what restores the previous pace (commands also run inside tests).
func (c *program) paceGC(percent int) (restore func()) {
	if c.getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(prev) }
}
