package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// profile is one named connection in config.toml. The password is deliberately absent: it is never
// written to a plain file.
type profile struct {
	Endpoint string `toml:"endpoint"`
	Username string `toml:"username"`
	Email    string `toml:"email"`
	Theme    string `toml:"theme"`
	Queries  string `toml:"queries"`
}

// config is the parsed config.toml:
//
//	default_profile = "staging"
//	[profiles.staging]
//	endpoint = "https://example.test/graphql"
//	username = "till-integration"
//	theme = "toggle-light"
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
	if name == "" {
		name = c.DefaultProfile
	}
	if name == "" {
		return profile{}, nil
	}
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
	return p, nil
}
