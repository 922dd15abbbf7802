package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
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
// naming the file and the position, so the user can fix it (never silently reset to defaults).
func loadConfig(path string) (config, error) {
	var cfg config
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("read config: %w", err)
	}
	meta, err := toml.Decode(string(data), &cfg)
	if err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	if undecoded := meta.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return cfg, fmt.Errorf("config %s: unknown keys: %s", path, strings.Join(keys, ", "))
	}
	return cfg, nil
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
