package history

// Where names where an entry was sent: its profile, else its endpoint (entries from before
// profiles were recorded, or sent with --endpoint alone, have no profile).
func Where(e Entry) string {
	if e.Profile != "" {
		return e.Profile
	}
	return e.Endpoint
}

// ForProfile returns the entries sent under the named profile, in their order. The result is
// a new slice; entries is not modified.
func ForProfile(entries []Entry, profile string) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Profile == profile {
			out = append(out, e)
		}
	}
	return out
}
