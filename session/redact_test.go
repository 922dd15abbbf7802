package session

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRedactHeader(t *testing.T) {
	jwt := jwtAt(time.Unix(1700000000, 0), time.Hour, 1)
	fp := Fingerprint(jwt)
	h := http.Header{}
	h["Authorization"] = []string{"Bearer " + jwt}
	h["x-authorization"] = []string{jwt, "bearer\t" + jwt} // non-canonical, repeated
	h["Proxy-Authorization"] = []string{"Basic dXNlcjpwYXNz"}
	h["Cookie"] = []string{"session=abc; other=def"}
	h["Set-Cookie"] = []string{"sid=xyz; HttpOnly"}
	h["X-Debug"] = []string{"seen token " + jwt + " here"}
	h["Content-Type"] = []string{"application/json"}
	out := RedactHeader(h)
	want := map[string][]string{
		"Authorization":       {"Bearer <redacted fp:" + fp + ">"},
		"x-authorization":     {"<redacted fp:" + fp + ">", "bearer <redacted fp:" + fp + ">"},
		"Proxy-Authorization": {"Basic <redacted fp:" + Fingerprint("dXNlcjpwYXNz") + ">"},
		"Content-Type":        {"application/json"},
	}
	for k, v := range want {
		if strings.Join(out[k], "|") != strings.Join(v, "|") {
			t.Errorf("%s = %q, want %q", k, out[k], v)
		}
	}
	all := ""
	for k, vs := range out {
		all += k + ":" + strings.Join(vs, ",") + "\n"
	}
	for _, secret := range append(strings.Split(jwt, "."), "dXNlcjpwYXNz", "abc", "xyz") {
		if strings.Contains(all, secret) {
			t.Errorf("redacted headers still contain %q:\n%s", secret, all)
		}
	}
	if h.Get("Authorization") != "Bearer "+jwt {
		t.Fatal("RedactHeader modified its input")
	}
}

func TestRedactJWTs(t *testing.T) {
	jwt := jwtAt(time.Unix(1700000000, 0), time.Hour, 1)
	parts := strings.Split(jwt, ".")
	for _, in := range []string{jwt, "x " + jwt + " y", `{"t":"` + jwt + `"}`, parts[0] + "." + parts[1][:10]} {
		out := RedactJWTs(in)
		if strings.Contains(out, parts[1][:10]) || !strings.Contains(out, "<redacted fp:") {
			t.Errorf("RedactJWTs(%q) = %q", in, out)
		}
	}
	for _, in := range []string{"plain text", "keyJson.value", "eyJ alone", "abc.def"} {
		if out := RedactJWTs(in); out != in {
			t.Errorf("RedactJWTs(%q) changed it to %q", in, out)
		}
	}
}

func TestMaskRequestBody(t *testing.T) {
	jwt := jwtAt(time.Unix(1700000000, 0), time.Hour, 1)
	body := `{"query":"mutation","variables":{"Password":"pw1","card":{"api_key":"k1","note":"` + jwt + `","n":3},"userToken":"t1","list":[{"client-secret":"s1"}],"amount":5}}`
	out := string(MaskRequestBody([]byte(body), false))
	for _, secret := range []string{"pw1", "k1", "t1", "s1", strings.Split(jwt, ".")[1]} {
		if strings.Contains(out, secret) {
			t.Errorf("masked body still has %q: %s", secret, out)
		}
	}
	if !strings.Contains(out, `"amount":5`) || !strings.Contains(out, `"n":3`) || !strings.Contains(out, "<masked>") {
		t.Errorf("masked too much or badly: %s", out)
	}
	// Card PINs, CVVs, one-time codes and *_key values are masked in the log; words that merely
	// contain those letters are not.
	words := string(MaskRequestBody([]byte(`{"query":"q","variables":{"cardPin":"p1","cvv":"c1","otp":"o1","card_key":"k2","input":{"pwd":"w1","passcode":"pc1"},"keyword":"kw","spinner":"sp"}}`), false))
	for _, secret := range []string{`"p1"`, `"c1"`, `"o1"`, `"k2"`, `"w1"`, `"pc1"`} {
		if strings.Contains(words, secret) {
			t.Errorf("masked body still has %s: %s", secret, words)
		}
	}
	if !strings.Contains(words, `"keyword":"kw"`) || !strings.Contains(words, `"spinner":"sp"`) {
		t.Errorf("harmless words masked: %s", words)
	}
	login := string(MaskRequestBody([]byte(`{"query":"q","variables":{"username":"demo","password":"pw"}}`), true))
	if strings.Contains(login, "demo") || strings.Contains(login, `"pw"`) {
		t.Errorf("login variables not all masked: %s", login)
	}
}
