package query

import "strings"

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

// IsSecretKey reports whether a variable or object key looks like it holds a
// secret: it contains password, passwd, secret, token, apikey/api_key,
// authorization, auth or credential, ignoring case.
func IsSecretKey(name string) bool {
	k := strings.ToLower(name)
	k = strings.NewReplacer("_", "", "-", "").Replace(k)
	for _, part := range secretKeyParts {
		if strings.Contains(k, part) {
			return true
		}
	}
	return false
}

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
