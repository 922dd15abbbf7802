package history

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/lexer"
)

// maxErrorSummary bounds the stored error summary: it is a one-line reminder,
// and a server that returns a megabyte of error text must not fill the history.
const maxErrorSummary = 1024

// maxFingerprintLen is longer than any fingerprint the explorer makes (12 hex
// digits) and far shorter than any token.
const maxFingerprintLen = 32

// sanitize returns e as it may be stored: it trusts nothing the caller did.
func sanitize(e Entry, now time.Time) Entry {
	if e.Time.IsZero() {
		e.Time = now
	}
	e.Time = e.Time.UTC()
	e.Endpoint = withoutUserinfo(e.Endpoint)
	login := isLoginDocument(e.Document)
	e.Response = "" // only Append names a kept body, after keeping it
	if login {
		e.Variables = nil
		e.Body = nil // a login's answer is the token
	} else {
		e.Variables = query.MaskSecrets(e.Variables)
	}
	e.Document = maskDocumentLiterals(e.Document, login)
	e.Headers = maskHeaders(e.Headers)
	e.TokenFingerprint = safeFingerprint(e.TokenFingerprint)
	e.ErrorSummary = query.TruncateUTF8(e.ErrorSummary, maxErrorSummary)
	return e
}

// maskHeaders returns a copy of h with every secret-looking header's value masked.
func maskHeaders(h map[string]string) map[string]string {
	if len(h) == 0 {
		return nil
	}
	out := make(map[string]string, len(h))
	for name, v := range h {
		out[name] = headers.Masked(name, v)
	}
	return out
}

// isLoginDocument reports whether any operation of doc logs in. A document
// that does not parse counts as a login when it mentions loginUser at all:
// guessing wrong there costs a masked value, guessing wrong the other way
// stores a password.
func isLoginDocument(doc string) bool {
	d, err := query.Parse(doc)
	if err != nil {
		return strings.Contains(doc, query.LoginField)
	}
	for _, op := range d.Operations {
		if op.IsLogin() {
			return true
		}
	}
	return false
}

// maskDocumentLiterals replaces string literals that may hold secrets with
// "•••": in a login every string (Toggle's own examples put the password
// inline), elsewhere the value of an argument, object field or variable
// default whose name IsSecretKey, including strings nested in a list or object
// under such a name. The result still parses when the input did.
//
// A login document that cannot be lexed is dropped entirely (""): there is
// no telling where its password is. Any other document that cannot be lexed
// is kept as it is; it was never sent.
func maskDocumentLiterals(doc string, login bool) string {
	lx := lexer.New(&ast.Source{Input: doc})
	ix := query.NewTextIndex(doc)
	var b strings.Builder
	last := 0         // bytes of doc already copied to b
	var name string   // the last Name token
	var key string    // the name whose value is being read
	var secret []bool // for each open [ or {: whether everything inside is secret
	for {
		tok, err := lx.ReadToken()
		if err != nil {
			if login {
				return ""
			}
			return doc
		}
		switch tok.Kind {
		case lexer.EOF:
			b.WriteString(doc[last:])
			return b.String()
		case lexer.Name:
			name = tok.Value
		case lexer.Colon:
			key = name
		case lexer.BraceL, lexer.BracketL:
			inside := len(secret) > 0 && secret[len(secret)-1]
			secret = append(secret, inside || query.IsSecretKey(key))
			key = ""
		case lexer.BraceR, lexer.BracketR:
			if len(secret) > 0 {
				secret = secret[:len(secret)-1]
			}
			key = ""
		case lexer.ParenL, lexer.ParenR:
			key = ""
		case lexer.String, lexer.BlockString:
			inside := len(secret) > 0 && secret[len(secret)-1]
			if login || inside || query.IsSecretKey(key) {
				start, end := ix.ByteOffset(tok.Pos.Start), ix.ByteOffset(tok.Pos.End)
				if tok.Kind == lexer.BlockString {
					end = blockStringEnd(doc, end)
				}
				b.WriteString(doc[last:start])
				b.WriteString(`"` + query.Mask + `"`)
				last = end
			}
		}
	}
}

// blockStringEnd corrects the end gqlparser reports for a block string. A
// block string closes with the last three quotes of a run of three or more
// (the others belong to the value), and gqlparser v2.5.64 sets the token's end
// just after the first three, so a closing run like """" ends one byte later
// than reported. Left as is, the rest of the run, and with it the shape of the
// text, would leak past the mask.
func blockStringEnd(doc string, end int) int {
	for end < len(doc) && doc[end] == '"' {
		end++
	}
	return end
}

// withoutUserinfo removes a user:password part from an endpoint URL.
func withoutUserinfo(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil || u.User == nil {
		return endpoint
	}
	u.User = nil
	return u.String()
}

// safeFingerprint keeps a fingerprint-shaped value (short, hexadecimal) and
// replaces anything else, such as a raw token passed by mistake, with its own
// fingerprint.
func safeFingerprint(s string) string {
	if len(s) <= maxFingerprintLen && isHex(s) {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
