package session

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseTokenStripsBearer(t *testing.T) {
	now := newFakeClock().Now()
	raw := jwtAt(now, time.Hour, 1)
	for _, v := range []string{raw, "Bearer " + raw, "bearer " + raw, "BEARER\t" + raw, "  Bearer \t " + raw + " "} {
		tok, err := ParseToken(v, now, "test")
		if err != nil || tok.Raw() != raw || !tok.FromJWT || tok.Subject != "demo" {
			t.Errorf("ParseToken(%q) = %v, %v", v[:10], tok, err)
		}
	}
	for _, v := range []string{"", "Bearer ", "   ", "Bearer a b"} {
		if _, err := ParseToken(v, now, "test"); err == nil {
			t.Errorf("ParseToken(%q) accepted", v)
		}
	}
}

func TestParseTokenNonJWTAssumesSixtyMinutes(t *testing.T) {
	now := newFakeClock().Now()
	tok, err := ParseToken("opaque-token-value", now, "pasted")
	if err != nil || tok.FromJWT || tok.IsJWT() || !tok.ExpiresAt.Equal(now.Add(time.Hour)) || tok.Lifetime() != time.Hour {
		t.Fatalf("%+v %v", tok, err)
	}
}

// Boundaries ±1ns, with a 60-minute token: refresh due below 10 min left, send floor below 30 s,
// expired at exp.
func TestTokenBoundaries(t *testing.T) {
	iat := newFakeClock().Now()
	tok, err := ParseToken(jwtAt(iat, time.Hour, 1), iat, "test")
	if err != nil {
		t.Fatal(err)
	}
	exp := iat.Add(time.Hour)
	ns := time.Nanosecond
	for _, tc := range []struct {
		name string
		at   time.Time
		fn   func(time.Time) bool
		want bool
	}{
		{"refresh 1ns before window", exp.Add(-10*time.Minute - ns), tok.RefreshDue, false},
		{"refresh at window", exp.Add(-10 * time.Minute), tok.RefreshDue, false},
		{"refresh 1ns into window", exp.Add(-10*time.Minute + ns), tok.RefreshDue, true},
		{"send 1ns before floor", exp.Add(-30*time.Second - ns), tok.TooCloseToSend, false},
		{"send at floor", exp.Add(-30 * time.Second), tok.TooCloseToSend, false},
		{"send 1ns into floor", exp.Add(-30*time.Second + ns), tok.TooCloseToSend, true},
		{"expired 1ns before", exp.Add(-ns), tok.Expired, false},
		{"expired at exp", exp, tok.Expired, true},
		{"expired 1ns after", exp.Add(ns), tok.Expired, true},
	} {
		if got := tc.fn(tc.at); got != tc.want {
			t.Errorf("%s: got %v want %v", tc.name, got, tc.want)
		}
	}
	if tok.Age(iat.Add(2*time.Hour)) != 2*time.Hour || tok.TimeLeft(iat) != time.Hour {
		t.Fatal("age/time left")
	}
}

// A short-lived token's send floor is a tenth of its lifetime, not 30 s.
func TestTooCloseToSendShortToken(t *testing.T) {
	iat := newFakeClock().Now()
	tok, _ := ParseToken(jwtAt(iat, 100*time.Second, 1), iat, "test")
	exp := iat.Add(100 * time.Second)
	if tok.TooCloseToSend(exp.Add(-10*time.Second)) || !tok.TooCloseToSend(exp.Add(-10*time.Second+1)) {
		t.Fatal("floor should be lifetime/10 = 10s")
	}
}

func TestTokenNeverPrintsRaw(t *testing.T) {
	now := newFakeClock().Now()
	raw := makeJWT(map[string]any{"sub": "CANARYSUB", "exp": now.Add(time.Hour).Unix()})
	tok, _ := ParseToken(raw, now, "test")
	js, _ := json.Marshal(tok)
	wrapped, _ := json.Marshal(struct{ T Token }{tok})
	outs := []string{tok.String(), tok.GoString(), string(js), string(wrapped),
		fmt.Sprintf("%v %+v %#v %s %q %x %X %d", tok, tok, tok, tok, tok, tok, tok, tok),
		fmt.Sprintf("%v %+v %#v", &tok, []Token{tok}, map[string]Token{"a": tok})}
	for _, o := range outs {
		if strings.Contains(o, raw) || strings.Contains(o, strings.Split(raw, ".")[1]) || strings.Contains(o, "CANARYSUB") {
			t.Fatalf("leak: %s", o)
		}
		if !strings.Contains(o, tok.Fingerprint) {
			t.Fatalf("no fingerprint in %s", o)
		}
	}
	if len(tok.Fingerprint) != 12 {
		t.Fatalf("fingerprint %q", tok.Fingerprint)
	}
}
