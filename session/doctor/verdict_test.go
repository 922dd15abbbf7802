package doctor

import (
	"strings"
	"testing"
	"time"
)

// A report made by hand: a server that rotates only some responses (old tokens), the case the
// fake's every-response mode cannot show in a short run.
func TestVerdictForOccasionalRotation(t *testing.T) {
	rep := Report{Outcome: OK,
		Logins: []Login{{By: "username", OK: true, Request: 2, Headers: []string{"X-Authorization", "Authorization"}, SameToken: true,
			JWT: true, Alg: "HS256", Lifetime: Duration(time.Hour), SkewKnown: true, Skew: Duration(-5 * time.Minute)}},
		Forms:    []Form{{Name: "Authorization: Bearer <token>", Scheme: "Bearer", Request: 3, Accepted: true, Status: 200}},
		Refusal:  &Refusal{Request: 1, Status: 200, Message: "Unauthorized", Unauthorized: true},
		Rotation: &Rotation{Authorized: 3, Rotations: 1, FirstRequest: 5, FirstAge: Duration(2 * time.Second), Headers: []string{"X-Authorization", "Authorization"}},
	}
	vs := verdicts(rep)
	find := func(s string) Verdict {
		t.Helper()
		for _, v := range vs {
			if strings.Contains(v.Do, s) {
				return v
			}
		}
		t.Fatalf("no verdict with %q in %+v", s, vs)
		return Verdict{}
	}
	v := find("Adopt the token from X-Authorization and Authorization whenever a response carries one")
	if !strings.Contains(v.Because, "#5") || !strings.Contains(v.Because, "2s old") {
		t.Errorf("because %q", v.Because)
	}
	find("the server's clock is 5m behind")
	find("Refresh before 1h: log in again when less than 10m is left")
	for _, v := range vs {
		if v.Because == "" {
			t.Errorf("verdict %q has no observation behind it", v.Do)
		}
	}
}

func TestVerdictForUnsignedTokenAndDifferentHeaders(t *testing.T) {
	rep := Report{Outcome: OK, Logins: []Login{{By: "username", OK: true, Request: 2,
		Headers: []string{"X-Authorization", "Authorization"}, SameToken: false, JWT: true, Alg: "none"}}}
	text := ""
	for _, v := range verdicts(rep) {
		text += v.Do + " / " + v.Because + "\n"
	}
	for _, want := range []string{"DIFFERENT tokens", `"alg": "none"`, "Assume a 60-minute token"} {
		if !strings.Contains(text, want) {
			t.Errorf("verdicts lack %q:\n%s", want, text)
		}
	}
}

func TestExitCodes(t *testing.T) {
	for o, want := range map[Outcome]int{OK: 0, AuthFailed: 2, Unreachable: 3} {
		if got := (Report{Outcome: o}).ExitCode(); got != want {
			t.Errorf("%s: exit %d, want %d", o, got, want)
		}
	}
}

func TestDurationJSONIsMilliseconds(t *testing.T) {
	b, _ := Duration(1500 * time.Microsecond).MarshalJSON()
	if string(b) != "1.5" {
		t.Fatalf("got %s", b)
	}
}
