package themes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/charmbracelet/lipgloss"
)

// FileError reports what is wrong with a theme file: which file, which field
// (dotted path, empty for the file as a whole) and the problem.
type FileError struct {
	File    string
	Field   string
	Problem string
}

// Error implements error.
func (e *FileError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("theme file %s: %s", e.File, e.Problem)
	}
	return fmt.Sprintf("theme file %s: %s: %s", e.File, e.Field, e.Problem)
}

// themeFile mirrors the on-disk format documented in the package comment.
type themeFile struct {
	Inherits string            `json:"inherits"`
	Dark     *bool             `json:"dark"`
	Palette  map[string]string `json:"palette"`
	Chroma   *chromaSection    `json:"chroma"`
}

type chromaSection struct {
	Style   string            `json:"style"`
	Entries map[string]string `json:"entries"`
}

// paletteFields maps file keys to Palette fields. It is an immutable table:
// the order is the documented order and is used for "missing field" errors.
var paletteFields = [...]struct {
	key   string
	field func(*Palette) *lipgloss.Color
}{
	{"foreground", func(p *Palette) *lipgloss.Color { return &p.Foreground }},
	{"muted", func(p *Palette) *lipgloss.Color { return &p.Muted }},
	{"faint", func(p *Palette) *lipgloss.Color { return &p.Faint }},
	{"background", func(p *Palette) *lipgloss.Color { return &p.Background }},
	{"accent", func(p *Palette) *lipgloss.Color { return &p.Accent }},
	{"border", func(p *Palette) *lipgloss.Color { return &p.Border }},
	{"border_focused", func(p *Palette) *lipgloss.Color { return &p.BorderFocused }},
	{"success", func(p *Palette) *lipgloss.Color { return &p.Success }},
	{"warning", func(p *Palette) *lipgloss.Color { return &p.Warning }},
	{"error", func(p *Palette) *lipgloss.Color { return &p.Error }},
	{"info", func(p *Palette) *lipgloss.Color { return &p.Info }},
	{"selection_background", func(p *Palette) *lipgloss.Color { return &p.SelectionBackground }},
	{"selection_foreground", func(p *Palette) *lipgloss.Color { return &p.SelectionForeground }},
	{"match_background", func(p *Palette) *lipgloss.Color { return &p.MatchBackground }},
	{"current_match_background", func(p *Palette) *lipgloss.Color { return &p.CurrentMatchBackground }},
	{"status_background", func(p *Palette) *lipgloss.Color { return &p.StatusBackground }},
	{"status_foreground", func(p *Palette) *lipgloss.Color { return &p.StatusForeground }},
}

// parseOptions says where a file comes from: built-in files must be complete
// (no "inherits"), which also keeps inheritance one level deep and acyclic.
type parseOptions struct {
	file    string // shown in errors
	builtin bool
}

// parseTheme reads one theme file's bytes into a Theme called name.
func parseTheme(name string, src []byte, opt parseOptions) (*Theme, error) {
	fail := func(field, format string, args ...any) error {
		return &FileError{File: opt.file, Field: field, Problem: fmt.Sprintf(format, args...)}
	}
	var f themeFile
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, decodeError(opt.file, src, err)
	}
	if dec.More() {
		return nil, fail("", "unexpected data after the theme object")
	}

	t := &Theme{Name: name}
	var base *Theme
	if f.Inherits != "" {
		if opt.builtin {
			return nil, fail("inherits", "built-in themes must be complete and cannot inherit")
		}
		if !slices.Contains(Builtin(), f.Inherits) {
			return nil, fail("inherits", "unknown built-in theme %q (known: %s)", f.Inherits, strings.Join(Builtin(), ", "))
		}
		b, err := loadBuiltin(f.Inherits)
		if err != nil {
			return nil, err
		}
		base = b
		t.Dark, t.Palette, t.Chroma = b.Dark, b.Palette, b.Chroma
	}

	switch {
	case f.Dark != nil:
		t.Dark = *f.Dark
	case base == nil:
		return nil, fail("dark", "missing (required unless the file sets \"inherits\")")
	}

	if err := applyPalette(&t.Palette, f.Palette, base == nil, fail); err != nil {
		return nil, err
	}

	style, err := buildChroma(name, f.Chroma, t.Chroma, opt.builtin, fail)
	if err != nil {
		return nil, err
	}
	t.Chroma = style
	return t, nil
}

// applyPalette validates the file's palette keys and colours and writes them
// into p. With requireAll, every field must be present.
func applyPalette(p *Palette, src map[string]string, requireAll bool, fail func(string, string, ...any) error) error {
	known := make(map[string]bool, len(paletteFields))
	for _, pf := range paletteFields {
		known[pf.key] = true
	}
	// Report unknown keys first, in a stable order, so a typo is named
	// rather than surfacing as "missing" on the correctly spelt key.
	keys := make([]string, 0, len(src))
	for k := range src {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !known[k] {
			return fail("palette."+k, "unknown palette field (known: %s)", strings.Join(paletteKeys(), ", "))
		}
	}
	for _, pf := range paletteFields {
		v, ok := src[pf.key]
		if !ok {
			if requireAll {
				return fail("palette."+pf.key, "missing (required unless the file sets \"inherits\")")
			}
			continue
		}
		if !validColour(v) {
			return fail("palette."+pf.key, "%q is not a colour (want #rrggbb, #rgb or an ANSI index 0-255)", v)
		}
		*pf.field(p) = lipgloss.Color(v)
	}
	return nil
}

// buildChroma returns the chroma style described by sec, layered on inherited
// (which may be nil). A nil section keeps inherited as it is. A "style" names
// a built-in theme whose chroma style to start from: chroma's own registry of
// styles is not linked in, because parsing its ~70 styles cost every command,
// run and check included, 13 ms at start-up for the one style a theme uses.
func buildChroma(name string, sec *chromaSection, inherited *chroma.Style, builtin bool, fail func(string, string, ...any) error) (*chroma.Style, error) {
	if sec == nil {
		if inherited == nil {
			return nil, fail("chroma", "missing (set \"style\" or \"entries\")")
		}
		return inherited, nil
	}
	base := inherited
	if sec.Style != "" {
		known := Builtin()
		if builtin || !slices.Contains(known, strings.ToLower(sec.Style)) {
			return nil, fail("chroma.style", "unknown chroma style %q: a style is one of the built-in themes' (%s); "+
				"for another of chroma's styles, copy its colours into \"entries\"", sec.Style, strings.Join(known, ", "))
		}
		b, err := loadBuiltin(strings.ToLower(sec.Style))
		if err != nil {
			return nil, err
		}
		base = b.Chroma
	}
	if base == nil && len(sec.Entries) == 0 {
		return nil, fail("chroma", "set \"style\" or \"entries\"")
	}
	var b *chroma.StyleBuilder
	if base != nil {
		b = base.Builder()
	} else {
		b = chroma.NewStyleBuilder(name)
	}
	keys := make([]string, 0, len(sec.Entries))
	for k := range sec.Entries {
		keys = append(keys, k)
	}
	slices.Sort(keys) // stable "first error" across runs
	for _, k := range keys {
		tt, err := chroma.TokenTypeString(k)
		if err != nil {
			return nil, fail("chroma.entries."+k, "unknown chroma token type (e.g. Keyword, NameTag, LiteralString, Punctuation)")
		}
		v := sec.Entries[k]
		if _, err := chroma.ParseStyleEntry(v); err != nil {
			return nil, fail("chroma.entries."+k, "%v", err)
		}
		b.Add(tt, v)
	}
	style, err := b.Build()
	if err != nil {
		return nil, fail("chroma", "%v", err)
	}
	style.Name = name
	return style, nil
}

// decodeError turns encoding/json errors into FileErrors with a line:column
// or a field path, which is what a person editing the file needs.
func decodeError(file string, src []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(src, syn.Offset)
		return &FileError{File: file, Field: fmt.Sprintf("line %d, column %d", line, col), Problem: syn.Error()}
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "(top level)"
		}
		return &FileError{File: file, Field: field, Problem: fmt.Sprintf("want %s, got JSON %s", typ.Type, typ.Value)}
	case errors.Is(err, io.EOF):
		return &FileError{File: file, Problem: "empty file (want a JSON object)"}
	default:
		// DisallowUnknownFields reports `json: unknown field "x"`.
		return &FileError{File: file, Problem: strings.TrimPrefix(err.Error(), "json: ")}
	}
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(src []byte, off int64) (line, col int) {
	if off > int64(len(src)) {
		off = int64(len(src))
	}
	before := src[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1)
	if col < 1 {
		col = 1
	}
	return line, col
}

// validColour accepts "#rgb", "#rrggbb" and ANSI indexes "0".."255", the
// forms lipgloss understands.
func validColour(s string) bool {
	if strings.HasPrefix(s, "#") {
		hex := s[1:]
		if len(hex) != 3 && len(hex) != 6 {
			return false
		}
		for _, c := range []byte(hex) {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
		return true
	}
	if s == "" || len(s) > 3 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n <= 255
}

// paletteKeys lists the palette keys in documented order.
func paletteKeys() []string {
	out := make([]string, len(paletteFields))
	for i, pf := range paletteFields {
		out[i] = pf.key
	}
	return out
}
