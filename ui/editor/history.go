package editor

// defaultHistoryLimit is the number of undo steps kept when Options does not
// say otherwise. Steps store only the replaced and inserted text, so even a
// full history of typing costs little.
const defaultHistoryLimit = 1000

// editKind classifies an edit for coalescing.
type editKind int

const (
	editOther      editKind = iota // never merged with a neighbour
	editTyping                     // runes typed one after another
	editDeleteBack                 // successive backspaces
)

// edit is one undoable step: the text between from and endOf(from, removed)
// was replaced by inserted. Cursor positions and revisions on both sides let
// undo and redo restore the exact state, including the "modified" flag.
type edit struct {
	kind              editKind
	from              pos
	removed, inserted string
	before, after     pos
	revBefore         uint64
	revAfter          uint64
}

// history is a bounded undo/redo stack. entries[:next] can be undone,
// entries[next:] redone.
type history struct {
	entries []edit
	next    int
	limit   int
	// open is true while the last step may still absorb the next one. Any
	// action other than the same kind of edit (a cursor move, an undo, a
	// save) closes it, so "type, move, type" gives two undo steps.
	open bool
}

// newHistory returns an empty history keeping at most limit steps.
func newHistory(limit int) *history {
	if limit <= 0 {
		limit = defaultHistoryLimit
	}
	return &history{limit: limit}
}

// seal ends coalescing: the next edit starts a new step.
func (h *history) seal() { h.open = false }

// push records e, merging it into the previous step when both are part of
// one run of typing or of backspacing.
func (h *history) push(e edit) {
	h.entries = h.entries[:h.next] // a new edit discards the redo tail
	if h.open && h.next > 0 && h.merge(&h.entries[h.next-1], e) {
		return
	}
	h.entries = append(h.entries, e)
	if len(h.entries) > h.limit {
		// Reslicing drops the oldest step in O(1); append reallocates (and
		// so compacts) once the capacity runs out, keeping memory bounded.
		h.entries[0] = edit{}
		h.entries = h.entries[1:]
	}
	h.next = len(h.entries)
	h.open = e.kind != editOther
}

// merge folds e into last when e continues it, and reports whether it did.
func (h *history) merge(last *edit, e edit) bool {
	if last.kind != e.kind || last.after != e.before {
		return false
	}
	switch e.kind {
	case editTyping:
		if last.removed != "" || e.removed != "" || endOf(last.from, last.inserted) != e.from {
			return false
		}
		last.inserted += e.inserted
	case editDeleteBack:
		if last.inserted != "" || e.inserted != "" || endOf(e.from, e.removed) != last.from {
			return false
		}
		last.from = e.from
		last.removed = e.removed + last.removed
	default:
		return false
	}
	last.after = e.after
	last.revAfter = e.revAfter
	return true
}

// undo returns the step to revert, if any, and moves back past it.
func (h *history) undo() (edit, bool) {
	h.open = false
	if h.next == 0 {
		return edit{}, false
	}
	h.next--
	return h.entries[h.next], true
}

// redo returns the step to re-apply, if any, and moves forward past it.
func (h *history) redo() (edit, bool) {
	h.open = false
	if h.next == len(h.entries) {
		return edit{}, false
	}
	h.next++
	return h.entries[h.next-1], true
}
