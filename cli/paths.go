package cli

import (
	"errors"
	"path/filepath"
)

// appName names the directories under each XDG base directory.
const appName = "toggle-explorer"

// paths are the explorer's file locations, resolved once from the XDG base directories so every
// command agrees on them. Nothing here touches the disk.
type paths struct {
	Config  string // config.toml and user themes
	Data    string // saved queries live below it
	State   string // history, token file, last login
	Cache   string // schema cache
	Queries string // saved .graphql files (overridable with --queries or a profile)
}

// resolvePaths applies the XDG rules: $XDG_*_HOME when set and absolute, else the defaults under
// $HOME. getenv is injected so tests never read the real environment.
func resolvePaths(getenv func(string) string) (paths, error) {
	home := getenv("HOME")
	base := func(env, fallback string) (string, error) {
		if dir := getenv(env); filepath.IsAbs(dir) {
			return filepath.Join(dir, appName), nil
		}
		if home == "" {
			return "", errors.New("cannot find a place for files: neither $" + env + " nor $HOME is set")
		}
		return filepath.Join(home, fallback, appName), nil
	}
	var p paths
	var err error
	if p.Config, err = base("XDG_CONFIG_HOME", ".config"); err != nil {
		return p, err
	}
	if p.Data, err = base("XDG_DATA_HOME", filepath.Join(".local", "share")); err != nil {
		return p, err
	}
	if p.State, err = base("XDG_STATE_HOME", filepath.Join(".local", "state")); err != nil {
		return p, err
	}
	if p.Cache, err = base("XDG_CACHE_HOME", ".cache"); err != nil {
		return p, err
	}
	p.Queries = filepath.Join(p.Data, "queries")
	return p, nil
}

// tokenFile is where the token store keeps tokens when no OS keyring is available.
func (p paths) tokenFile() string { return filepath.Join(p.State, "tokens.json") }

// configFile is the TOML file holding profiles.
func (p paths) configFile() string { return filepath.Join(p.Config, "config.toml") }

// themesDir holds user theme files.
func (p paths) themesDir() string { return filepath.Join(p.Config, "themes") }
