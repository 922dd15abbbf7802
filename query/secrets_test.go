package query

import (
	"reflect"
	"testing"
)

func TestIsLogin(t *testing.T) {
	tests := []struct {
		doc  string
		want bool
	}{
		{toggleDoc, true}, // the first operation is Login
		{"query { Cards { total } }", false},
		{"query L { session: loginUser(email: \"a\", password: \"b\") { id } }", true}, // aliased
		{"query L { ...Creds }\nfragment Creds on Query { loginUser(password: \"b\") { id } }", true},
		{"query L { ... on Query { loginUser(password: \"b\") { id } } }", true},
		{"query L { LoginUser(password: \"b\") { id } }", false}, // case-sensitive
		{"query L { me { loginUser } }", false},                  // not a root field
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.doc).Operations[0].IsLogin(); got != tt.want {
			t.Errorf("IsLogin(%q) = %v, want %v", tt.doc, got, tt.want)
		}
	}
	d := mustParse(t, toggleDoc)
	for _, op := range d.Operations[1:] {
		if op.IsLogin() {
			t.Errorf("%s reported as a login", op.Name)
		}
	}
}

func TestIsSecretKey(t *testing.T) {
	secret := []string{"password", "Password", "newPassword", "passwd", "clientSecret", "token", "refresh_token",
		"apikey", "api_key", "API-Key", "apiKey", "authorization", "Authorization", "auth", "oauthState", "credential", "Credentials"}
	plain := []string{"ref", "card_reference", "email", "username", "till", "txn", "value", "key", "api", ""}
	for _, k := range secret {
		if !IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = false, want true", k)
		}
	}
	for _, k := range plain {
		if IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = true, want false", k)
		}
	}
}

func TestMaskSecrets(t *testing.T) {
	in := map[string]any{
		"email":    "a@example.com",
		"password": "hunter2",
		"input": map[string]any{
			"apiKey": "k-123",
			"nested": map[string]any{"clientSecret": map[string]any{"x": 1}, "keep": true},
		},
		"list":  []any{map[string]any{"token": "t", "id": 7}, "plain"},
		"nil":   nil,
		"Token": nil, // masked even when empty: the key alone says it is secret
	}
	want := map[string]any{
		"email":    "a@example.com",
		"password": Mask,
		"input": map[string]any{
			"apiKey": Mask,
			"nested": map[string]any{"clientSecret": Mask, "keep": true},
		},
		"list":  []any{map[string]any{"token": Mask, "id": 7}, "plain"},
		"nil":   nil,
		"Token": Mask,
	}
	got := MaskSecrets(in)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MaskSecrets =\n%#v\nwant\n%#v", got, want)
	}
	// A deep copy: the input is untouched, and changing the copy leaves it so.
	if in["password"] != "hunter2" || in["input"].(map[string]any)["apiKey"] != "k-123" {
		t.Error("MaskSecrets modified its input")
	}
	got["input"].(map[string]any)["nested"].(map[string]any)["keep"] = false
	got["list"].([]any)[1] = "changed"
	if in["input"].(map[string]any)["nested"].(map[string]any)["keep"] != true || in["list"].([]any)[1] != "plain" {
		t.Error("MaskSecrets result shares containers with its input")
	}
	if MaskSecrets(nil) != nil {
		t.Error("MaskSecrets(nil) != nil")
	}
}

// The short secret words count only as whole words (split on separators, camelCase and digits),
// so words that merely contain them stay readable in history.
func TestIsSecretKeyWords(t *testing.T) {
	secret := []string{"pin", "PIN", "card_pin", "cardPin", "pinCode", "pin_code", "pin1", "pass", "cardPass",
		"pwd", "user-pwd", "passcode", "PassCode", "passphrase", "cvv", "CVV", "cvv2", "card.cvc", "cardCVC",
		"otp", "otpCode", "OTP_CODE", "totp", "api_key", "card_key", "secretKey", "privateKey", "APIKey",
		"signingKEY", "idempotency_key"}
	plain := []string{"keyword", "monkey", "spinner", "passenger", "compass", "bypass_cache", "hotpot",
		"pinned", "pinata", "key", "Key", "keyId", "key_id", "keys", "turnkey", "opinion", "cvvs_checked",
		"products", "card_reference", "line_item_id", "spin", "topic", "typing"}
	for _, k := range secret {
		if !IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = false, want true (words %q)", k, keyWords(k))
		}
	}
	for _, k := range plain {
		if IsSecretKey(k) {
			t.Errorf("IsSecretKey(%q) = true, want false (words %q)", k, keyWords(k))
		}
	}
}

func TestKeyWords(t *testing.T) {
	for in, want := range map[string][]string{
		"cardPin":        {"card", "pin"},
		"APIKey":         {"api", "key"},
		"card_pin-code":  {"card", "pin", "code"},
		"cvv2":           {"cvv", "2"},
		"HTTPServerURL":  {"http", "server", "url"},
		"x.y z":          {"x", "y", "z"},
		"__":             nil,
		"ünïcödeKey":     {"ünïcöde", "key"},
		"already_lower1": {"already", "lower", "1"},
	} {
		if got := keyWords(in); !reflect.DeepEqual(got, want) {
			t.Errorf("keyWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// IsSecretKey runs for every key of every response body the history keeps.
func BenchmarkIsSecretKey(b *testing.B) {
	keys := []string{"card_reference", "balance", "apiKey", "cardPin", "initial_balance", "passenger"}
	for b.Loop() {
		for _, k := range keys {
			IsSecretKey(k)
		}
	}
}
