package cli

import (
	"runtime/debug"
	"strings"
)

// versionLine is what --version prints: the module version and the VCS revision the binary was
// built from, as the Go toolchain recorded them. A binary built without that information says so
// rather than inventing a number.
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "toggle-explorer (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var revision, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var b strings.Builder
	b.WriteString("toggle-explorer " + version)
	if revision == "" {
		b.WriteString(" (revision unknown: built outside a git checkout or with -buildvcs=false)")
	} else {
		b.WriteString(" (revision " + revision)
		if at != "" {
			b.WriteString(", " + at)
		}
		if modified {
			b.WriteString(", with uncommitted changes")
		}
		b.WriteString(")")
	}
	if info.GoVersion != "" {
		b.WriteString(" " + info.GoVersion)
	}
	return b.String()
}
