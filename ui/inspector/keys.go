package inspector

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// KeyMap is the inspector's bindings. It implements help.KeyMap. The model enables only the
// bindings that act in its current state (see syncKeys), so help lists what works and key.Matches
// ignores the rest. None of these clash with the app's fixed keys (ctrl+r/f5, esc at the top,
// tab, ctrl+s, ctrl+o, f1–f4, ctrl+c): esc here means "back", and the root closes the inspector
// when it receives CloseMsg.
type KeyMap struct {
	// TokenTab, TimelineTab and RequestsTab jump to a tab; NextTab and PrevTab cycle.
	TokenTab, TimelineTab, RequestsTab, NextTab, PrevTab key.Binding
	// ListKeys (with the letters: j/k, g/G, space) move the selection or scroll a page.
	common.ListKeys
	// Open shows the selected item whole; Back closes it (at the top level: CloseMsg).
	Open, Back key.Binding
	// Reveal toggles showing the raw token (Token tab only).
	Reveal key.Binding
	// RefreshNow asks the root to refresh the token now.
	RefreshNow key.Binding
	// Logout asks for confirmation, then for LogoutMsg.
	Logout key.Binding
	// PasteToken opens the paste-a-token input; Submit (enter) sends it, Cancel (esc) drops it.
	PasteToken, Submit, Cancel key.Binding
	// CopyCurl copies the current request as a redacted curl command; CopyCurlToken asks first,
	// then includes the real token; WriteCurl writes the redacted command to a file and
	// WriteCurlToken, after asking, one holding the real token (mode 0600).
	CopyCurl, CopyCurlToken, WriteCurl, WriteCurlToken key.Binding
	// Diff compares the last good request with the failing one (Requests tab).
	Diff key.Binding
	// DoctorTab jumps to the Doctor tab; RunDoctor asks the root to run the doctor's probes there.
	DoctorTab, RunDoctor key.Binding
	// Yes and No answer a confirmation.
	Yes, No key.Binding
}

// DefaultKeyMap returns the inspector's default bindings, all enabled.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return KeyMap{
		TokenTab:       b([]string{"1"}, "1", "token"),
		TimelineTab:    b([]string{"2"}, "2", "timeline"),
		RequestsTab:    b([]string{"3"}, "3", "requests"),
		DoctorTab:      b([]string{"4"}, "4", "doctor"),
		NextTab:        b([]string{"right", "l"}, "→/l", "next tab"),
		PrevTab:        b([]string{"left", "h"}, "←/h", "previous tab"),
		ListKeys:       common.NewLetterListKeys(),
		Open:           b([]string{"enter"}, "enter", "open"),
		Back:           b([]string{"esc"}, "esc", "back"),
		Reveal:         b([]string{"r"}, "r", "reveal token"),
		RefreshNow:     b([]string{"ctrl+f"}, "ctrl+f", "refresh now"),
		Logout:         b([]string{"L"}, "L", "log out / switch user"),
		PasteToken:     b([]string{"p"}, "p", "paste a token"),
		Submit:         b([]string{"enter"}, "enter", "use token"),
		Cancel:         b([]string{"esc"}, "esc", "cancel"),
		CopyCurl:       b([]string{"c"}, "c", "copy as curl"),
		CopyCurlToken:  b([]string{"C"}, "C", "curl with token"),
		WriteCurl:      b([]string{"w"}, "w", "curl to file"),
		WriteCurlToken: b([]string{"W"}, "W", "curl with token to file"),
		Diff:           b([]string{"d"}, "d", "diff good/failing"),
		RunDoctor:      b([]string{"D"}, "D", "run the doctor"),
		Yes:            b([]string{"y", "Y"}, "y", "yes"),
		No:             b([]string{"n", "N", "esc"}, "n", "no"),
	}
}

// ShortHelp implements help.KeyMap: the keys that matter most in the current state (disabled
// bindings are skipped by the help view).
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.Submit, k.Cancel, k.NextTab, k.Open, k.Back, k.Reveal, k.RunDoctor, k.Diff, k.CopyCurl, k.RefreshNow}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.TokenTab, k.TimelineTab, k.RequestsTab, k.NextTab, k.PrevTab},
		append(k.ListKeys.Bindings(), k.Open, k.Back),
		{k.Reveal, k.Diff, k.CopyCurl, k.CopyCurlToken, k.WriteCurl, k.WriteCurlToken},
		{k.RefreshNow, k.Logout, k.PasteToken, k.Submit, k.Cancel, k.Yes, k.No},
		{k.DoctorTab, k.RunDoctor},
	}
}
