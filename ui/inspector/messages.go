package inspector

import (
	"fmt"

	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// CloseMsg asks the root to close the inspector (esc at the top level): the one close request
// of every pane.
type CloseMsg = common.CloseMsg

// RefreshNowMsg asks the root to refresh the token now (a new login with the held credentials).
type RefreshNowMsg struct{}

// LogoutMsg asks the root to log out: forget the token, the credentials and the stored copy. The
// user has already confirmed it.
type LogoutMsg struct{}

// UseTokenMsg asks the root to install a pasted token (session.UseToken). Raw is the secret: it
// travels only in this message, and every printing verb shows a fingerprint instead, so a debug
// dump of messages cannot leak it.
type UseTokenMsg struct {
	// Raw is the pasted value, possibly with a "Bearer " prefix.
	Raw string
}

// String shows only the pasted value's length.
func (m UseTokenMsg) String() string {
	return fmt.Sprintf("inspector.UseTokenMsg{Raw: <%d bytes>}", len(m.Raw))
}

// GoString shows only the pasted value's length.
func (m UseTokenMsg) GoString() string { return m.String() }

// Format makes every verb print String, since %+v and %x would otherwise print Raw.
func (m UseTokenMsg) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(m.String())) }

// CopyCurlMsg asks the root to copy the request ExchangeID as a curl command (see CopyCurl). It
// carries no text: the command is built only inside the command that delivers it, so a token
// never sits in a message.
type CopyCurlMsg struct {
	// ExchangeID is the request to reproduce.
	ExchangeID int64
	// Reveal includes the real token; the user confirmed it explicitly.
	Reveal bool
	// ToFile writes the command to a file instead of the clipboard.
	ToFile bool
}

// CopiedMsg reports where a curl command went (a file path, or "clipboard"), or why it failed.
type CopiedMsg struct {
	// Where is "clipboard" or the file written.
	Where string
	// Err is the failure, if any; its text never contains the command.
	Err error
}
