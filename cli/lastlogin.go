package cli

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/toggle-explorer/toggle-explorer/session/securefile"
)

// lastLogin is what the login screen remembers between runs: where and as whom, never the password.
type lastLogin struct {
	Endpoint string `json:"endpoint"`
	Identity string `json:"identity"`
}

func lastLoginFile(p paths) string { return filepath.Join(p.State, "last-login.json") }

// loadLastLogin reads the remembered login; a missing or unreadable file just means nothing is
// remembered (it is a convenience, never worth refusing to start over).
func loadLastLogin(p paths) lastLogin {
	var l lastLogin
	data, err := os.ReadFile(lastLoginFile(p))
	if err != nil {
		return l
	}
	_ = json.Unmarshal(data, &l)
	return l
}

// saveLastLogin remembers endpoint and identity, atomically and privately.
func saveLastLogin(p paths, l lastLogin) error {
	data, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return securefile.WriteFile(lastLoginFile(p), data, securefile.FilePerm)
}
