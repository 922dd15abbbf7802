package mockapi

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// unauthorizedBody is the documented body, byte for byte (plus the encoder's newline).
const unauthorizedBody = `{"errors":[{"message":"Unauthorized","locations":[{"line":2,"column":3}],"customer_facing":false}]}` + "\n"

// unverifiedClaims decodes a token without checking the signature.
func unverifiedClaims(t *testing.T, tok string) *jwt.RegisteredClaims {
	t.Helper()
	claims := &jwt.RegisteredClaims{}
	parsed, _, err := jwt.NewParser().ParseUnverified(tok, claims)
	if err != nil {
		t.Fatalf("not a JWT: %v", err)
	}
	if parsed.Method.Alg() != "HS256" {
		t.Fatalf("alg = %s", parsed.Method.Alg())
	}
	return claims
}

func TestLoginByUsernameAndByEmail(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now})
	for name, vars := range map[string]map[string]any{
		"username":       {"username": DemoUsername, "password": DemoPassword},
		"email":          {"email": DemoEmail, "password": DemoPassword},
		"email any case": {"email": strings.ToUpper(DemoEmail), "password": DemoPassword},
		"both agreeing":  {"username": DemoUsername, "email": DemoEmail, "password": DemoPassword},
	} {
		t.Run(name, func(t *testing.T) {
			r := h.post("", loginQuery, vars)
			if got, want := string(r.raw), `{"data":{"loginUser":{"id":1042}}}`+"\n"; got != want {
				t.Fatalf("body = %s, want %s", got, want)
			}
			x, a := r.header.Get("X-Authorization"), r.header.Get("Authorization")
			if x == "" || x != a {
				t.Fatalf("X-Authorization %q and Authorization %q should carry the same token", x, a)
			}
			c := unverifiedClaims(t, x)
			if c.Subject != "1042" || c.ID == "" {
				t.Errorf("claims sub=%q jti=%q", c.Subject, c.ID)
			}
			if !c.IssuedAt.Time.Equal(clock.Now()) || c.ExpiresAt.Sub(c.IssuedAt.Time) != time.Hour {
				t.Errorf("iat %v exp %v, want iat now and a 60-minute lifetime", c.IssuedAt, c.ExpiresAt)
			}
		})
	}
	if s := h.srv.Stats(); s.Logins != 4 || s.FailedLogins != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestLoginTokensAreUnique(t *testing.T) {
	h := newHarness(t, Config{Now: newFakeClock().Now})
	a, b := h.login(), h.login()
	if a == b || unverifiedClaims(t, a).ID == unverifiedClaims(t, b).ID {
		t.Fatal("two logins at the same instant must give different tokens (jti)")
	}
}

func TestLoginRefused(t *testing.T) {
	h := newHarness(t, Config{})
	for name, vars := range map[string]map[string]any{
		"wrong password":       {"username": DemoUsername, "password": "nope"},
		"wrong username":       {"username": "someone", "password": DemoPassword},
		"email of nobody":      {"email": "x@example.com", "password": DemoPassword},
		"disagreeing username": {"username": "someone", "email": DemoEmail, "password": DemoPassword},
	} {
		t.Run(name, func(t *testing.T) {
			r := h.post("", loginQuery, vars)
			want := `{"errors":[{"message":"Invalid credentials","locations":[{"line":2,"column":3}],"customer_facing":false}],"data":{"loginUser":null}}` + "\n"
			if string(r.raw) != want || r.status != 200 {
				t.Fatalf("got %d %s", r.status, r.raw)
			}
			if r.header.Get("X-Authorization") != "" || r.header.Get("Authorization") != "" {
				t.Fatal("a refused login must not carry a token")
			}
		})
	}
	r := h.post("", `{ loginUser(password: "x") { id } }`, nil)
	if e := firstError(t, r); e["message"] != "validation" || e["validation"] == nil {
		t.Fatalf("login without username or email: %s", r.raw)
	}
	if s := h.srv.Stats(); s.FailedLogins != 5 || s.Logins != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestUnauthorizedIsTheDocumentedBody(t *testing.T) {
	query := "query Balance($ref: String!) {\n  Cards(card_reference: $ref) { total }\n}"
	for _, status := range []int{200, 401} {
		clock := newFakeClock()
		h := newHarness(t, Config{Now: clock.Now, UnauthStatus: status})
		good := h.login()
		otherKey := New(Config{Now: clock.Now, SigningKey: []byte("another server")})
		foreign, err := otherKey.tokens.issue("1042", clock.Now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct{ name, header, reason string }{
			{"no header", "", reasonMissing},
			{"bare token without scheme", good, reasonMissing},
			{"basic scheme", "Basic " + good, reasonMissing},
			{"garbage", "Bearer not-a-jwt", reasonInvalid},
			{"tampered", "Bearer " + good[:len(good)-2] + "xx", reasonInvalid},
			{"signed by another key", "Bearer " + foreign, reasonInvalid},
		}
		for _, c := range cases {
			t.Run(fmt.Sprintf("%d/%s", status, c.name), func(t *testing.T) {
				before := h.srv.Stats().UnauthorizedReasons[c.reason]
				r := h.post(c.header, query, map[string]any{"ref": SeedCardFresh})
				if r.status != status || string(r.raw) != unauthorizedBody {
					t.Fatalf("got %d %s", r.status, r.raw)
				}
				if got := h.srv.Stats().UnauthorizedReasons[c.reason]; got != before+1 {
					t.Errorf("reason %q counted %d times, want %d", c.reason, got, before+1)
				}
			})
		}
		t.Run(fmt.Sprintf("%d/expired", status), func(t *testing.T) {
			clock.Advance(time.Hour - time.Second)
			if r := h.post(bearer(good), query, map[string]any{"ref": SeedCardFresh}); r.status != 200 || r.body["data"] == nil {
				t.Fatalf("a token one second before expiry must work: %s", r.raw)
			}
			clock.Advance(time.Second)
			r := h.post(bearer(good), query, map[string]any{"ref": SeedCardFresh})
			if r.status != status || string(r.raw) != unauthorizedBody {
				t.Fatalf("got %d %s", r.status, r.raw)
			}
			if h.srv.Stats().UnauthorizedReasons[reasonExpired] != 1 {
				t.Error("expiry not counted")
			}
		})
	}
}

func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	h := newHarness(t, Config{})
	tok := h.login()
	for _, scheme := range []string{"Bearer", "bearer", "BEARER"} {
		if r := h.post(scheme+"  "+tok, balanceQuery, map[string]any{"ref": SeedCardFresh}); r.body["data"] == nil {
			t.Errorf("%s: %s", scheme, r.raw)
		}
	}
}

func TestRotateSigningKeyAndRevokeTokens(t *testing.T) {
	h := newHarness(t, Config{})
	old := h.login()
	h.srv.RotateSigningKey()
	if r := h.post(bearer(old), balanceQuery, map[string]any{"ref": SeedCardFresh}); r.body["data"] != nil {
		t.Fatalf("token of the old key accepted: %s", r.raw)
	}
	if h.srv.Stats().UnauthorizedReasons[reasonInvalid] != 1 {
		t.Error("an old-key token should count as invalid")
	}

	a, b := h.login(), h.login()
	h.srv.RevokeTokens()
	for _, tok := range []string{a, b} {
		r := h.post(bearer(tok), balanceQuery, map[string]any{"ref": SeedCardFresh})
		if string(r.raw) != unauthorizedBody {
			t.Fatalf("revoked token: %s", r.raw)
		}
	}
	if h.srv.Stats().UnauthorizedReasons[reasonRevoked] != 2 {
		t.Error("revocations not counted")
	}
	fresh := h.login()
	if h.balance(fresh, SeedCardFresh) != 5000 {
		t.Error("a login after RevokeTokens must work")
	}
}

func TestIntrospectionNeedsATokenButTypenameIsFree(t *testing.T) {
	h := newHarness(t, Config{})
	q := "{\n  __schema { queryType { name } }\n}"
	if r := h.post("", q, nil); string(r.raw) != unauthorizedBody {
		t.Fatalf("introspection without a token: %s", r.raw)
	}
	if r := h.post("", "{ __typename }", nil); string(r.raw) != `{"data":{"__typename":"Query"}}`+"\n" {
		t.Fatalf("__typename: %s", r.raw)
	}
	tok := h.login()
	r := h.post(bearer(tok), q, nil)
	if dig(t, r.body, "data", "__schema", "queryType", "name") != "Query" {
		t.Fatalf("introspection with a token: %s", r.raw)
	}
	r = h.post(bearer(tok), `{ __type(name: "Card") { description fields { name } } }`, nil)
	if d, _ := dig(t, r.body, "data", "__type", "description").(string); d == "" {
		t.Fatalf("schema descriptions missing: %s", r.raw)
	}
	if !strings.Contains(string(r.raw), `"initial_balance"`) || !strings.Contains(string(r.raw), `"ValueSplit"`) {
		t.Fatalf("Card fields: %s", r.raw)
	}
}

func TestLoginMixedWithProtectedFields(t *testing.T) {
	h := newHarness(t, Config{})
	q := "{\n  loginUser(username: \"demo\", password: \"" + DemoPassword + "\") { id }\n  Cards { total }\n}"
	r := h.post("", q, nil)
	if r.header.Get("X-Authorization") == "" {
		t.Fatal("the login part must still run and issue a token")
	}
	if dig(t, r.body, "data", "loginUser", "id") != float64(DemoUserID) || dig(t, r.body, "data", "Cards") != nil {
		t.Fatalf("data: %s", r.raw)
	}
	e := firstError(t, r)
	if e["message"] != "Unauthorized" || fmt.Sprint(e["locations"]) != "[map[column:3 line:3]]" {
		t.Fatalf("error: %v", e)
	}
	// With introspection in the mix the whole request is refused.
	r = h.post("", "{\n  loginUser(username: \"demo\", password: \"x\") { id }\n  __schema { queryType { name } }\n}", nil)
	if !strings.HasPrefix(string(r.raw), `{"errors":[{"message":"Unauthorized","locations":[{"line":3,"column":3}]`) || r.body["data"] != nil {
		t.Fatalf("introspection mixed with login: %s", r.raw)
	}
}

func TestDateHeaderAndTokenTimesFollowTheSkewedClock(t *testing.T) {
	clock := newFakeClock()
	h := newHarness(t, Config{Now: clock.Now, ClockSkew: -7 * time.Minute})
	r := h.post("", loginQuery, map[string]any{"username": DemoUsername, "password": DemoPassword})
	want := clock.Now().Add(-7 * time.Minute)
	date, err := http.ParseTime(r.header.Get("Date"))
	if err != nil || !date.Equal(want) {
		t.Fatalf("Date %q, want %v", r.header.Get("Date"), want)
	}
	if iat := unverifiedClaims(t, r.header.Get("X-Authorization")).IssuedAt.Time; !iat.Equal(want) {
		t.Fatalf("iat %v, want %v", iat, want)
	}
	if r.header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type %q", r.header.Get("Content-Type"))
	}
}

func TestSubjectIsTheUserID(t *testing.T) {
	h := newHarness(t, Config{})
	if sub := unverifiedClaims(t, h.login()).Subject; sub != strconv.Itoa(DemoUserID) {
		t.Fatalf("sub %q", sub)
	}
}
