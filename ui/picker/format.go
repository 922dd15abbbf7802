package picker

import "time"

// Times are shown in the location of the context's clock (the local zone in the program, a
// fixed one in tests), so the picker never reads the process's time zone or clock itself.

// formatShort is a modification time in a list row: "15:04" today, "Jan 02" this year, else the
// year. now zero (no tick yet) means nothing is "today".
func formatShort(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(now.Location())
	switch {
	case !now.IsZero() && sameDay(t, now):
		return t.Format("15:04")
	case !now.IsZero() && t.Year() == now.Year():
		return t.Format("Jan 02")
	}
	return t.Format("2006")
}

// formatFull is a modification time in the preview.
func formatFull(t, now time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.In(now.Location()).Format("2006-01-02 15:04:05")
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
