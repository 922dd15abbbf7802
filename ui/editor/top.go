package editor

// Top returns the first visible line, 0-based (the scroll position a restart restores).
func (m Model) Top() int { return m.yoff }

// SetTop scrolls so that 0-based line top is the first visible one, as far as the text allows,
// keeping the cursor in view.
func (m Model) SetTop(top int) Model {
	m.yoff = max(0, top)
	return m.scrollToCursor()
}
