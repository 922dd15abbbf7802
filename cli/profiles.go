package cli

import (
	"time"

	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// profileOptions lists the config's profiles for the TUI's environment picker, in name order.
// A profile with broken headers is an error here, at start-up, rather than at its first request.
func profileOptions(cfg config) ([]ui.ProfileOption, error) {
	names := cfg.profileNames()
	out := make([]ui.ProfileOption, 0, len(names))
	for _, name := range names {
		p, err := cfg.lookupProfile(name)
		if err != nil {
			return nil, err
		}
		if p.Endpoint == "" {
			continue // nothing to switch to
		}
		out = append(out, ui.ProfileOption{
			Identity: firstNonEmpty(p.Username, p.Email),
			Workspace: workspace.Profile{Name: name, Endpoint: p.Endpoint, Headers: p.headers(),
				Variables: p.Variables, Protected: p.Protected},
		})
	}
	return out, nil
}

// tokenStored reports whether store holds a token for endpoint and identity that is still
// usable (the same test Session.Restore applies).
func tokenStored(store session.TokenStore, endpoint, identity string) bool {
	st, err := store.Load(endpoint)
	if err != nil || identity != "" && st.Identity != identity {
		return false
	}
	now := time.Now()
	tok, err := session.ParseToken(st.Token, now, "stored")
	return err == nil && !tok.TooCloseToSend(now)
}
