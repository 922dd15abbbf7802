package themes

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// builtinFS holds the built-in themes, one NAME.json per theme.
//
//go:embed builtin/*.json
var builtinFS embed.FS

// fileExt is the extension of theme files, built-in and user alike.
const fileExt = ".json"

// Builtin returns the names of the built-in themes, sorted.
func Builtin() []string {
	entries, err := fs.ReadDir(builtinFS, "builtin")
	if err != nil {
		return nil // cannot happen with a valid embed pattern
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), fileExt); ok && !e.IsDir() {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// Load returns the theme called name. A file userDir/NAME.json wins over a
// built-in theme of the same name, so users can adjust a built-in; an empty
// userDir means built-ins only. An unknown name gives an error listing every
// theme that does exist.
func Load(name, userDir string) (*Theme, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if userDir != "" {
		path := filepath.Join(userDir, name+fileExt)
		src, err := os.ReadFile(path)
		switch {
		case err == nil:
			return parseTheme(name, src, parseOptions{file: path})
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("themes: read %s: %w", path, err)
		}
	}
	if slices.Contains(Builtin(), name) {
		return loadBuiltin(name)
	}
	known, err := List(userDir)
	if err != nil {
		known = Builtin()
	}
	hint := ""
	if userDir != "" {
		hint = fmt.Sprintf("; user themes are read from %s", filepath.Join(userDir, "NAME"+fileExt))
	}
	return nil, fmt.Errorf("themes: unknown theme %q (known: %s%s)", name, strings.Join(known, ", "), hint)
}

// List returns the built-in and user theme names, sorted and without
// duplicates, for --list-themes. A missing userDir is not an error.
func List(userDir string) ([]string, error) {
	names := Builtin()
	if userDir == "" {
		return names, nil
	}
	entries, err := os.ReadDir(userDir)
	if errors.Is(err, fs.ErrNotExist) {
		return names, nil
	}
	if err != nil {
		return names, fmt.Errorf("themes: list %s: %w", userDir, err)
	}
	for _, e := range entries {
		n, ok := strings.CutSuffix(e.Name(), fileExt)
		if !ok || e.IsDir() || checkName(n) != nil {
			continue
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// loadBuiltin parses one embedded theme. It parses afresh on every call so
// that no package-level state is shared between callers.
func loadBuiltin(name string) (*Theme, error) {
	file := "builtin/" + name + fileExt
	src, err := builtinFS.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("themes: no built-in theme %q", name)
	}
	return parseTheme(name, src, parseOptions{file: "(built-in) " + file, builtin: true})
}

// checkName rejects names that could escape userDir or make odd file names:
// a theme name is lower-case letters, digits, '-', '_' and '.', not starting
// with '.'.
func checkName(name string) error {
	if name == "" {
		return errors.New("themes: empty theme name")
	}
	for i, c := range []byte(name) {
		ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || (c == '.' && i > 0)
		if !ok {
			return fmt.Errorf("themes: invalid theme name %q (use lower-case letters, digits, '-', '_' and '.')", name)
		}
	}
	return nil
}
