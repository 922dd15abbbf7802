package query

import (
	"strings"
	"unicode"
)

// Mask is what MaskSecrets puts in place of a secret value.
const Mask = "•••"

// LoginField is the root field of Toggle's login mutation-by-query, as the
// API documentation spells it.
const LoginField = "loginUser"

// secretKeyParts are substrings that mark a variable key as secret once the
// key is lower-cased and stripped of "_" and "-" (so "api_key", "API-Key" and
// "apiKey" all contain "apikey"). "auth" also catches "author": masking a
// harmless value is the cheap side of the trade.
var secretKeyParts = [...]string{
	"password", "passwd", "secret", "token", "apikey", "auth", "credential",
}

// IsLogin reports whether the operation logs in (any root field named
// loginUser, case-sensitive). Its variables hold a password and must never be
// stored.
func (op Operation) IsLogin() bool {
	for _, f := range op.RootFields {
		if f == LoginField {
			return true
		}
	}
	return false
}

// secretWords are whole words that mark a key as secret. They are too short
// to match inside a word: "pin" is in "spinner", "pass" in "passenger", "otp"
// in "hotpot", so a key is split into words first (see keyWords).
var secretWords = [...]string{
	"pin", "pincode", "pass", "passcode", "passphrase", "pwd", "cvv", "cvc", "otp", "totp",
}

// IsSecretKey reports whether a variable or object key looks like it holds a
// secret, ignoring case: it contains password, passwd, secret, token,
// apikey/api_key, authorization, auth or credential anywhere; or one of its
// words (split on "_", "-", ".", spaces, camelCase and digits) is pin, pass,
// pwd, passcode, cvv, cvc or otp; or its last word is "key" after another
// word (card_key, secretKey; a bare "key", "keyword" and "monkey" are not).
func IsSecretKey(name string) bool {
	// One pass that lower-cases and drops separators (a strings.Replacer built per call cost more
	// than the rest of the check, and history masks every key of every body through here).
	k := strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
	for _, part := range secretKeyParts {
		if strings.Contains(k, part) {
			return true
		}
	}
	words := keyWords(name)
	for _, w := range words {
		for _, s := range secretWords {
			if w == s {
				return true
			}
		}
	}
	return len(words) > 1 && words[len(words)-1] == "key"
}

// keyWords splits a key into lower-case words at separators, at a lower-case
// letter or digit followed by an upper-case one (cardPin), at the last capital
// of an acronym (APIKey: api, key) and between letters and digits (cvv2: cvv,
// 2).
func keyWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(string(rs[start:end])))
		}
		start = end
	}
	for i, r := range rs {
		if !isWordRune(r) {
			flush(i)
			start = i + 1
			continue
		}
		if i == start {
			continue
		}
		prev := rs[i-1]
		switch {
		case isUpper(r) && (isLower(prev) || isDigit(prev)):
			flush(i)
		case isUpper(r) && isUpper(prev) && i+1 < len(rs) && isLower(rs[i+1]):
			flush(i)
		case isDigit(r) != isDigit(prev):
			flush(i)
		}
	}
	flush(len(rs))
	return words
}

func isUpper(r rune) bool    { return 'A' <= r && r <= 'Z' }
func isLower(r rune) bool    { return 'a' <= r && r <= 'z' }
func isDigit(r rune) bool    { return '0' <= r && r <= '9' }
func isLetter(r rune) bool   { return isUpper(r) || isLower(r) }
func isWordRune(r rune) bool { return isLetter(r) || isDigit(r) || r > 0x7f }

// MaskSecrets returns a deep copy of vars in which the value of every secret
// key (see IsSecretKey), at any depth including objects inside lists, is
// replaced by Mask. vars itself is not modified. A nil map gives nil.
func MaskSecrets(vars map[string]any) map[string]any {
	if vars == nil {
		return nil
	}
	out := make(map[string]any, len(vars))
	for k, v := range vars {
		if IsSecretKey(k) {
			out[k] = Mask
			continue
		}
		out[k] = maskValue(v)
	}
	return out
}

func maskValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		return MaskSecrets(t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = maskValue(e)
		}
		return out
	}
	return v
}
