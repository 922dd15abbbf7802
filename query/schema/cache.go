package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// Cache keeps one introspection result per endpoint in a directory (the
// caller passes the XDG cache directory's subdirectory for schemas). Each is
// the raw JSON, readable by any GraphQL tool and by LoadFile, in a file named
// after the first 16 hex digits of the endpoint's SHA-256, so the endpoint
// (which may carry a tenant name) never shows in a file name. Writes are
// atomic. A Cache holds no state besides its directory and is safe for
// concurrent use.
type Cache struct {
	dir string
}

// NewCache returns a cache in dir, which is created on the first Save.
func NewCache(dir string) *Cache { return &Cache{dir: dir} }

// Path is the file that holds endpoint's schema.
func (c *Cache) Path(endpoint string) string {
	sum := sha256.Sum256([]byte(endpoint))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:])[:16]+".json")
}

// Load returns the cached schema of endpoint and when it was saved. When
// nothing is cached the error wraps fs.ErrNotExist; a damaged file is an
// error that says so (the caller then introspects again and Saves).
func (c *Cache) Load(endpoint string) (*Schema, time.Time, error) {
	path := c.Path(endpoint)
	info, err := os.Stat(path)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("cached schema: %w", err)
	}
	s, err := LoadFile(path)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("cached schema is damaged: %w", err)
	}
	return s, info.ModTime(), nil
}

// Save stores introspectionJSON as endpoint's schema, replacing any earlier
// one atomically (a crash leaves the old or the new file, never a torn one).
// It refuses text that is not JSON or is over MaxBytes, so the cache
// never holds what Load would reject for its form; whether it is a usable
// schema is for LoadIntrospection, which the caller has normally just run.
func (c *Cache) Save(endpoint string, introspectionJSON []byte) error {
	if len(introspectionJSON) > MaxBytes {
		return fmt.Errorf("cache schema: %s is over the %s limit", display.Size(int64(len(introspectionJSON))), display.Size(MaxBytes))
	}
	if !looksLikeJSON(introspectionJSON) || !json.Valid(introspectionJSON) {
		return errors.New("cache schema: not a JSON introspection result")
	}
	if err := securefile.WriteFile(c.Path(endpoint), introspectionJSON, securefile.FilePerm); err != nil {
		return fmt.Errorf("cache schema: %w", err)
	}
	return nil
}
