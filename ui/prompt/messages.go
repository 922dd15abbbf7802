package prompt

// ID names a dialog for its owner. Its type says who owns the dialog: each owner declares its
// own ID type (the root's libraryDialog, picker.DialogID, ...), so the root routes an answer to
// its owner with a type switch and no owner can take another's answer for its own. Its value
// says which question it is, so an owner drops an answer to a dialog it has closed since. An ID
// must be comparable (==): a string or int type, or a struct of them.
type ID any

// CancelKey is the Key a Choice answers with when the user presses esc. An Option whose Key is
// CancelKey labels that answer in the dialog ("esc  Cancel"); without one, esc still answers it.
const CancelKey = "esc"

// InputSubmittedMsg is an Input's answer: Value passed the Input's validation.
type InputSubmittedMsg struct {
	// ID is the ID the Input was built with.
	ID ID
	// Value is the text as typed (not trimmed: validation decides what is acceptable).
	Value string
}

// InputCancelledMsg says the user closed the Input with esc.
type InputCancelledMsg struct {
	// ID is the ID the Input was built with.
	ID ID
}

// ChoiceMsg is a Choice's answer.
type ChoiceMsg struct {
	// ID is the ID the Choice was built with.
	ID ID
	// Key is the chosen Option's Key, or CancelKey when the user pressed esc.
	Key string
}

// Option is one answer of a Choice.
type Option struct {
	// Key is the key that picks the option, as Bubble Tea names it ("y", "ctrl+s", "esc"). A
	// single lowercase letter also accepts its capital, so caps lock does not get in the way.
	Key string
	// Label says what the option does ("Delete", "Keep").
	Label string
}
