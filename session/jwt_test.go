package session

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

func seg(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func TestDecodeJWTClaims(t *testing.T) {
	raw := makeJWT(map[string]any{"sub": "u1", "jti": "7", "iat": 1700000000, "exp": 1700003600.5, "nbf": 1700000000})
	j, err := DecodeJWT(raw)
	if err != nil {
		t.Fatal(err)
	}
	if j.Subject != "u1" || j.ID != "7" || j.Header["alg"] != "HS256" {
		t.Fatalf("decoded %+v", j)
	}
	if want := time.Unix(1700003600, 5e8).UTC(); !j.ExpiresAt.Equal(want) {
		t.Fatalf("exp = %v want %v", j.ExpiresAt, want)
	}
	if !j.IssuedAt.Equal(time.Unix(1700000000, 0)) || !j.NotBefore.Equal(j.IssuedAt) {
		t.Fatalf("iat/nbf = %v %v", j.IssuedAt, j.NotBefore)
	}
}

func TestDecodeJWTAbsurdTimesAreZero(t *testing.T) {
	h := seg(`{"alg":"none"}`)
	for _, exp := range []string{`-5`, `0`, `"1700000000"`, `true`, `null`, `1e300`, `253402300800`, `[1]`, `{"a":1}`} {
		j, err := DecodeJWT(h + "." + seg(`{"exp":`+exp+`,"iat":`+exp+`}`) + ".")
		if err != nil {
			t.Fatalf("exp=%s: %v", exp, err)
		}
		if !j.ExpiresAt.IsZero() || !j.IssuedAt.IsZero() {
			t.Errorf("exp=%s gave %v", exp, j.ExpiresAt)
		}
	}
}

func TestDecodeJWTRejectsHostileInput(t *testing.T) {
	secret := "CANARY-" + strings.Repeat("z", 20)
	for name, in := range map[string]string{
		"empty":          "",
		"two segments":   seg(`{}`) + "." + seg(`{"s":"`+secret+`"}`),
		"four segments":  seg(`{}`) + "." + seg(`{}`) + ".." + secret,
		"dots":           strings.Repeat(".", 1<<20),
		"too long":       seg(`{}`) + "." + seg(strings.Repeat("a", MaxJWTBytes)) + ".",
		"bad base64":     seg(`{}`) + ".!!" + secret + ".",
		"not json":       seg(`{}`) + "." + seg(secret) + ".",
		"json array":     seg(`{}`) + "." + seg(`[1,2]`) + ".",
		"trailing json":  seg(`{}`) + "." + seg(`{} {}`) + ".",
		"bad signature":  seg(`{}`) + "." + seg(`{}`) + "." + secret + "*",
		"empty payload":  seg(`{}`) + ".." + seg("x"),
		"null claims":    seg(`{}`) + "." + seg(`null`) + ".",
		"header not obj": seg(`"x"`) + "." + seg(`{}`) + ".",
	} {
		_, err := DecodeJWT(in)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "CANARY") {
			t.Errorf("%s: error leaks input: %v", name, err)
		}
	}
}

func FuzzDecodeJWT(f *testing.F) {
	f.Add(makeJWT(map[string]any{"sub": "x", "exp": 1700000000}))
	f.Add(seg(`{"alg":"none"}`) + "." + seg(`{"exp":-1}`) + ".")
	f.Add("...")
	f.Add("a.b.c")
	f.Add(seg(`{}`) + "." + seg(`{"exp":1e999}`) + ".")
	f.Add(strings.Repeat(".", 100))
	f.Fuzz(func(t *testing.T, raw string) {
		j, err := DecodeJWT(raw)
		if err != nil {
			return
		}
		if strings.Count(raw, ".") != 2 || len(raw) > MaxJWTBytes {
			t.Fatalf("accepted a malformed token")
		}
		for _, tm := range []time.Time{j.IssuedAt, j.ExpiresAt, j.NotBefore} {
			if !tm.IsZero() && (tm.Year() > 9999 || tm.Before(time.Unix(0, 0))) {
				t.Fatalf("absurd time %v", tm)
			}
		}
	})
}

// BenchmarkDecodeJWTDots is the CVE-2025-30204 shape: 1 MB of dots must be rejected without
// allocating in proportion to the input.
func BenchmarkDecodeJWTDots(b *testing.B) {
	in := strings.Repeat(".", 1<<20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeJWT(in); err == nil {
			b.Fatal("accepted")
		}
	}
}

func BenchmarkDecodeJWT(b *testing.B) {
	in := makeJWT(map[string]any{"sub": "demo", "iat": 1700000000, "exp": 1700003600, "jti": "1"})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeJWT(in); err != nil {
			b.Fatal(err)
		}
	}
}
