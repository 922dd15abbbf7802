// Package editor is a multi-line code editor component for Bubble Tea,
// made for GraphQL documents and JSON variables.
//
// It replaces the bubbles textarea, whose View re-renders the whole document
// on every key. This editor keeps the text as a slice of immutable line
// strings, renders and highlights only the visible window, and caches the
// chroma tokens of each line by (lexer state at line start, line text), so a
// keystroke re-tokenises one line whatever the document size. Multi-line
// constructs (GraphQL block strings, JSON nesting) are handled by a cheap
// per-line lexer state array that is updated incrementally after each edit.
//
// The Model follows the bubbles convention: value receivers that return the
// concrete Model. The text buffer, the undo history and the highlight cache
// are held by pointer and shared between copies, exactly as the bubbles
// textarea shares its line slices: always keep the Model returned by the
// latest call and drop the older copies. A Model is not safe for concurrent
// use; Bubble Tea calls Update and View from one goroutine.
package editor
