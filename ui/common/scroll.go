package common

// KeepVisible returns the first visible row of a list of n rows shown rows at a time, moved as
// little as possible from offset so that the cursor row is visible, and never past the end.
func KeepVisible(cursor, offset, rows, n int) int {
	if rows <= 0 {
		return 0
	}
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return max(0, min(offset, n-rows))
}
