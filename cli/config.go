package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/toggle-explorer/toggle-explorer/query/headers"
)

// profile is one named connection in config.toml. The password is deliberately absent: it is never
// written to a plain file.
type profile struct {
	Endpoint string `toml:"endpoint"`
	Username string `toml:"username"`
	Email    string `toml:"email"`
	Theme    string `toml:"theme"`
	Queries  string `toml:"queries"`
	// Headers are sent with every request of this profile: {"X-Tenant" = "acme"}; values may
	// reference $ENV_VARS; "!Authorization" overrides the session's token (query/headers).
	Headers map[string]string `toml:"headers"`
	// Variables are default variables, merged under the query's own.
	Variables map[string]any `toml:"variables"`
	// Protected marks a profile (production) where mutations need a confirmation: typing the
	// profile's name in the TUI, --yes for run.
	Protected bool `toml:"protected"`
}

// config is the parsed config.toml:
//
//	default_profile = "staging"
//	[profiles.staging]
//	endpoint = "https://example.test/graphql"
//	username = "till-integration"
//	theme = "toggle-light"
//	protected = true
//	variables = { merchant_id = 26 }
//	[profiles.staging.headers]
//	X-Tenant = "acme"
type config struct {
	DefaultProfile string             `toml:"default_profile"`
	Theme          string             `toml:"theme"`
	Profiles       map[string]profile `toml:"profiles"`
}

// loadConfig reads the config file. A missing file is an empty config; a broken one is an error
// naming the file and the line (FILE:LINE: message), so the user can fix it. Nothing of a broken
// file is used: callers go on without it where they can (see program.settings).
func loadConfig(path string) (config, error) {
	var cfg config
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return config{}, fmt.Errorf("read config: %w", err)
	}
	meta, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) && perr.Position.Line > 0 {
			return config{}, fmt.Errorf("%s:%d: %s", path, perr.Position.Line, perr.Message)
		}
		if line, msg, ok := typeMismatch(err.Error()); ok {
			return config{}, fmt.Errorf("%s:%d: %s", path, line, msg)
		}
		return config{}, fmt.Errorf("%s: %w", path, err)
	}
	if undecoded := meta.Undecoded(); len(undecoded) > 0 {
		k := undecoded[0]
		return config{}, fmt.Errorf("%s:%d: unknown key %s", path, keyLine(string(data), k[len(k)-1]), k.String())
	}
	return cfg, nil
}

// keyLine finds the line that defines key (as "key =" or a "[table.key]" header), for the
// position of an unknown key, which the TOML decoder does not report. 0 when not found.
func keyLine(text, key string) int {
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(strings.Trim(line, `"`), key)
		if ok && (strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(rest, `"`)), "=")) {
			return i + 1
		}
		if strings.HasPrefix(line, "[") && (strings.HasSuffix(strings.TrimRight(line, "]"), "."+key) || strings.TrimLeft(strings.TrimRight(line, "]"), "[") == key) {
			return i + 1
		}
	}
	return 0
}

// settings is what a command takes from config.toml.
type settings struct {
	cfg  config
	prof profile
	// name is the profile's name ("" when none is used).
	name string
	// broken is the config file's problem (FILE:LINE: message) when nothing could be taken from
	// it. It blocks only what has no other source; program.noteBroken reports it once.
	broken error
}

// settings loads config.toml and picks the profile. A broken file, or a default_profile naming
// no profile, is fatal only when a profile was asked for by name: everything else can still come
// from flags and the environment (a bad config must not block `run --endpoint URL`).
func (c *program) settings(p paths, profileName string) (settings, error) {
	cfg, err := loadConfig(p.configFile())
	if err == nil {
		var prof profile
		var name string
		if name, prof, err = cfg.resolveProfile(profileName); err == nil {
			return settings{cfg: cfg, prof: prof, name: name}, nil
		}
		err = fmt.Errorf("%s: %w", p.configFile(), err)
	}
	if profileName != "" {
		return settings{}, err
	}
	return settings{broken: err}, nil
}

// noteBroken warns once per command, on stderr, that the config file is being ignored.
func (c *program) noteBroken(s settings) {
	if s.broken == nil || c.configWarned {
		return
	}
	c.configWarned = true
	fmt.Fprintf(c.stderr, "toggle-explorer: warning: config ignored: %v\n", s.broken)
}

// profile returns the named profile, or the default one when name is empty. An unknown name is an
// error listing the known ones.
func (c config) profile(name string) (profile, error) {
	_, p, err := c.resolveProfile(name)
	return p, err
}

// profileNames lists the profiles in name order.
func (c config) profileNames() []string {
	names := make([]string, 0, len(c.Profiles))
	for k := range c.Profiles {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// resolveProfile is profile that also returns the name it settled on ("" for no profile).
func (c config) resolveProfile(name string) (string, profile, error) {
	if name == "" {
		name = c.DefaultProfile
	}
	if name == "" {
		return "", profile{}, nil
	}
	p, err := c.lookupProfile(name)
	return name, p, err
}

// lookupProfile finds a profile by name and checks its headers.
func (c config) lookupProfile(name string) (profile, error) {
	p, ok := c.Profiles[name]
	if !ok {
		known := make([]string, 0, len(c.Profiles))
		for k := range c.Profiles {
			known = append(known, k)
		}
		sort.Strings(known)
		if len(known) == 0 {
			return profile{}, fmt.Errorf("unknown profile %q: the config defines no profiles", name)
		}
		return profile{}, fmt.Errorf("unknown profile %q (known: %s)", name, strings.Join(known, ", "))
	}
	if _, problems := headers.FromMap(p.Headers); len(problems) > 0 {
		return p, fmt.Errorf("profile %q: headers: %s", name, problems[0])
	}
	return p, nil
}

// profileHeaders returns the profile's headers, already checked by lookupProfile.
func (p profile) headers() []headers.Header {
	hs, _ := headers.FromMap(p.Headers)
	return hs
}

// tomlTypeMismatch is how the TOML decoder words a value of the wrong type; it has no error type
// of its own to ask for the line.
var tomlTypeMismatch = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): incompatible types: TOML value has type (\w+); destination has type (\w+)$`)

// typeMismatch turns the decoder's type error into the FILE:LINE form's line and a sentence a
// user can act on ("profiles.x.endpoint must be a string, not a number").
func typeMismatch(text string) (line int, msg string, ok bool) {
	m := tomlTypeMismatch.FindStringSubmatch(text)
	if m == nil {
		return 0, "", false
	}
	line, _ = strconv.Atoi(m[1])
	return line, fmt.Sprintf("%s must be %s, not %s", m[2], tomlTypeName(m[4]), tomlTypeName(m[3])), true
}

// tomlTypeName names a decoder type the way the config's documentation does.
func tomlTypeName(t string) string {
	switch t {
	case "string":
		return "a string (in quotes)"
	case "bool", "boolean":
		return "true or false"
	case "int64", "int", "integer", "float64", "float":
		return "a number"
	case "map", "table":
		return "a table"
	case "slice", "array":
		return "a list"
	}
	return t
}
