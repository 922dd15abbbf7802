package common

import "testing"

func TestKeepVisible(t *testing.T) {
	for _, c := range []struct{ cursor, offset, rows, n, want int }{
		{0, 0, 5, 20, 0},   // already visible
		{7, 0, 5, 20, 3},   // below the window: it scrolls just enough
		{2, 6, 5, 20, 2},   // above the window
		{19, 0, 5, 20, 15}, // the last row at the bottom
		{3, 10, 5, 6, 1},   // a shrunk list never leaves blank rows at the end
		{0, 4, 0, 20, 0},   // no room at all
		{0, 0, 5, 2, 0},    // a list shorter than the window
	} {
		if got := KeepVisible(c.cursor, c.offset, c.rows, c.n); got != c.want {
			t.Errorf("KeepVisible(%d, %d, %d, %d) = %d, want %d", c.cursor, c.offset, c.rows, c.n, got, c.want)
		}
	}
}
