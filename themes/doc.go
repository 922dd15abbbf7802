// Package themes holds the colour themes of toggle-explorer: a semantic UI
// [Palette] plus the chroma style used to highlight GraphQL in the editor and
// JSON in the results pane, so both panes always agree.
//
// Built-in themes are embedded JSON files (see builtin/). Users add or
// override themes by dropping NAME.json into their themes directory
// (normally $XDG_CONFIG_HOME/toggle-explorer/themes); a user file with the
// name of a built-in theme replaces it.
//
// # Theme file format
//
// A theme file is one JSON object. Unknown fields are errors, so a typo is
// reported instead of silently ignored.
//
//	{
//	  "inherits": "toggle-dark",          // optional: built-in theme to start from
//	  "dark": true,                       // optional when inheriting
//	  "palette": {                        // any subset when inheriting
//	    "foreground": "#e4e4e7",
//	    "accent": "#8b5cf6",
//	    "match_background": "136"         // an ANSI 256 index also works
//	  },
//	  "chroma": {
//	    "style": "dracula",               // optional: a built-in theme's chroma style to start from
//	    "entries": {                      // optional: token type -> Pygments style entry
//	      "NameTag": "bold #8be9fd",
//	      "LiteralString": "#f1fa8c"
//	    }
//	  }
//	}
//
// Colours are "#rrggbb", "#rgb" or an ANSI 256 index "0".."255". Palette keys
// are the snake_case names of the [Palette] fields (foreground, muted, faint,
// background, accent, border, border_focused, success, warning, error, info,
// selection_background, selection_foreground, match_background,
// current_match_background, status_background, status_foreground). Chroma
// entry keys are chroma token type names (Keyword, NameTag, LiteralString,
// ...) and values use chroma's style-entry syntax ("bold italic #rrggbb
// bg:#rrggbb").
//
// Without "inherits", a file must set "dark" and every palette field. With
// "inherits", unset fields come from that built-in theme, and the chroma
// section is layered on top of the inherited chroma style unless it names its
// own "style".
package themes
