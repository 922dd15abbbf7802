package common

// Shared holds a large value (a pane's text inputs, say) behind a pointer, so that the model
// carrying it stays small: pane models are values, copied at every Update and every call that
// takes or returns one, and a few kilobytes of inputs in each copy made the event loop's frames
// hundreds of kilobytes deep. Copies of the holder share the value until one of them
// changes it: Edit copies it first (copy on write), so no copy sees another's change.
type Shared[T any] struct{ p *T }

// Share returns a Shared holding v.
func Share[T any](v T) Shared[T] { return Shared[T]{p: &v} }

// Get returns the value for reading. Changing it through this pointer would change every copy
// of the holder: use Edit for that.
func (s Shared[T]) Get() *T { return s.p }

// Edit returns the holder's own copy of the value, to change.
func (s *Shared[T]) Edit() *T {
	c := *s.p
	s.p = &c
	return s.p
}
