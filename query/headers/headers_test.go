package headers

import (
	"strings"
	"testing"
)

func TestParseReportsProblemsByLine(t *testing.T) {
	text := "# tenant\nx-tenant: acme\n\nno colon here\nAuthorization: Bearer abc\n!Authorization: Bearer $TOKEN\nBad Name: x\nContent-Type: text/plain\nX-Tenant: beta\n!X-Other: y\n"
	hs, problems := Parse(text)
	if len(hs) != 2 || hs[0].Name != "X-Tenant" || hs[0].Value != "beta" || hs[0].Line != 9 {
		t.Fatalf("headers = %+v", hs)
	}
	if !hs[1].Override || hs[1].Name != "Authorization" || hs[1].Value != "Bearer $TOKEN" {
		t.Fatalf("override = %+v", hs[1])
	}
	wantLines := []int{4, 5, 7, 8, 10}
	if len(problems) != len(wantLines) {
		t.Fatalf("problems = %v", problems)
	}
	for i, p := range problems {
		if p.Line != wantLines[i] {
			t.Errorf("problem %d at line %d, want %d: %s", i, p.Line, wantLines[i], p)
		}
	}
	if !strings.Contains(problems[1].Message, "!Authorization") {
		t.Errorf("the Authorization refusal does not say how to override: %s", problems[1])
	}
}

func TestExpandEnvironment(t *testing.T) {
	env := map[string]string{"KEY": "k1", "T_2": "two"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	hs := []Header{{Name: "X-A", Value: "$KEY-${T_2} costs $$5 and $5"}}
	got, err := Expand(hs, lookup)
	if err != nil {
		t.Fatal(err)
	}
	if want := "k1-two costs $5 and $5"; got[0].Value != want {
		t.Fatalf("got %q, want %q", got[0].Value, want)
	}
	if hs[0].Value != "$KEY-${T_2} costs $$5 and $5" {
		t.Fatal("Expand changed its input")
	}
	for _, bad := range []string{"$MISSING", "${KEY", "${1x}"} {
		if _, err := Expand([]Header{{Name: "X-A", Value: bad}}, lookup); err == nil {
			t.Errorf("Expand(%q) gave no error", bad)
		}
	}
	env["NL"] = "a\nb"
	if _, err := Expand([]Header{{Name: "X-A", Value: "$NL"}}, lookup); err == nil {
		t.Error("a line break from the environment was accepted")
	}
}

func TestMergePrecedenceAndSecrets(t *testing.T) {
	profile, _ := FromMap(map[string]string{"X-Tenant": "p", "X-Region": "eu"})
	pane, _ := Parse("X-Tenant: pane\n")
	flag, _ := ParseOne("x-region: us")
	got := Merge(profile, pane, []Header{flag})
	if Format(got) != "X-Region: us\nX-Tenant: pane\n" {
		t.Fatalf("merged = %q", Format(got))
	}
	for _, n := range []string{"Authorization", "cookie", "X-Api-Key", "X-Auth-Token", "x-client-secret", "X-Session-Id"} {
		if !IsSecret(n) {
			t.Errorf("IsSecret(%q) = false", n)
		}
	}
	for _, n := range []string{"X-Tenant", "Accept-Language", "X-Request-Id"} {
		if IsSecret(n) {
			t.Errorf("IsSecret(%q) = true", n)
		}
	}
	if Masked("X-Api-Key", "abc") == "abc" || Masked("X-Api-Key", "$KEY") != "$KEY" || Masked("X-Tenant", "abc") != "abc" {
		t.Error("Masked shows a secret or hides a reference")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("X-A: b\n!Authorization: Bearer $T\n# c\n")
	f.Add("a:\x00b")
	f.Fuzz(func(t *testing.T, text string) {
		hs, _ := Parse(text)
		for _, h := range hs {
			if strings.ContainsAny(h.Value, "\r\n\x00") || h.Name == "" {
				t.Fatalf("unsafe header %+v", h)
			}
			if h.Name == "Authorization" && !h.Override {
				t.Fatalf("Authorization without the override mark: %+v", h)
			}
		}
		// What Format writes parses back to the same headers.
		again, problems := Parse(Format(hs))
		if len(problems) > 0 || Format(again) != Format(hs) {
			t.Fatalf("round trip: %q -> %q (%v)", Format(hs), Format(again), problems)
		}
	})
}

func FuzzExpand(f *testing.F) {
	f.Add("$A-${B}$$x$")
	f.Add("${")
	f.Fuzz(func(t *testing.T, value string) {
		lookup := func(k string) (string, bool) { return "<" + k + ">", k != "UNSET" }
		got, err := Expand([]Header{{Name: "X-A", Value: value}}, lookup)
		if err != nil {
			return
		}
		// A value without references is sent as written.
		if !strings.Contains(value, "$") && got[0].Value != value {
			t.Fatalf("%q changed to %q", value, got[0].Value)
		}
	})
}

// BenchmarkParse50 is the headers pane's check on every keystroke, for a large pane.
func BenchmarkParse50(b *testing.B) {
	var text strings.Builder
	for i := range 50 {
		text.WriteString("X-Custom-Header-" + string(rune('A'+i%26)) + ": some value $TOKEN_" + string(rune('A'+i%26)) + "\n")
	}
	s := text.String()
	b.ReportAllocs()
	for b.Loop() {
		Parse(s)
	}
}
