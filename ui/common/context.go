package common

import (
	"time"

	"github.com/toggle-explorer/toggle-explorer/themes"
)

// Context is shared by pointer with every component. Only the root model writes to it, and only
// inside Update; components read it in View. Commands must copy what they need from it before they
// return their closure (style.md R6, R7).
type Context struct {
	// Width and Height are the terminal's size.
	Width, Height int
	// Theme is the active theme; Styles are built from it once.
	Theme  *themes.Theme
	Styles *Styles
	// Now is the time of the last tick. Views read it instead of calling time.Now, so a View is a
	// pure function of the model and goldens are stable.
	Now time.Time
}

// NewContext builds a context for theme.
func NewContext(theme *themes.Theme) *Context {
	return &Context{Theme: theme, Styles: NewStyles(theme)}
}
