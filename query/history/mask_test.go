package history

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
)

// Canaries: if any of these reaches the history file, a secret leaked.
const (
	canaryPassword = "CANARY-pw-7f3a9c"
	canaryToken    = "CANARY-tok-b41e02"
	canaryLiteral  = "CANARY-lit-55d1aa"
	canaryJWT      = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJDQU5BUlkifQ.c2lnQ0FOQVJZ"
)

func assertNoCanary(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{canaryPassword, canaryToken, canaryLiteral, canaryJWT, "CANARY"} {
		if strings.Contains(string(data), c) {
			t.Fatalf("history file holds %q:\n%s", c, data)
		}
	}
}

func TestHistoryNeverStoresLoginVariables(t *testing.T) {
	docs := map[string]string{
		"with variables":       "query Login($e: String!, $p: String!) { loginUser(email: $e, password: $p) { id } }",
		"aliased":              "query { s: loginUser(email: \"a@b\", password: \"" + canaryLiteral + "\") { id } }",
		"block string":         "query { loginUser(email: \"a@b\", password: \"\"\"" + canaryLiteral + "\"\"\") { id } }",
		"in a fragment":        "query L { ...C } fragment C on Query { loginUser(password: \"" + canaryLiteral + "\") { id } }",
		"beside another op":    "query Cards { Cards { total } } query L { loginUser(password: \"" + canaryLiteral + "\") { id } }",
		"does not parse":       "query { loginUser(password: \"" + canaryLiteral + "\") { id ",
		"does not lex":         "query { loginUser(password: \"" + canaryLiteral + "\n) }",
		"unicode before value": "query { é: loginUser(password: \"" + canaryLiteral + "\") { id } }",
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			h := newTestHistory(t, 0)
			mustAppend(t, h, Entry{
				Endpoint:  "http://127.0.0.1/graphql",
				Operation: "Login",
				Document:  doc,
				Variables: map[string]any{"e": "a@b", "p": canaryPassword, "nested": map[string]any{"x": canaryPassword}},
				Outcome:   OutcomeOK,
			})
			assertNoCanary(t, h.Path())
			got, _ := mustLoadHistory(t, h, 0)
			if len(got) != 1 || got[0].Variables != nil || got[0].Operation != "Login" {
				t.Fatalf("stored login = %+v", got)
			}
			if _, err := query.Parse(doc); err == nil {
				if _, err := query.Parse(got[0].Document); err != nil {
					t.Errorf("masked document no longer parses: %v\n%s", err, got[0].Document)
				}
			}
		})
	}
}

func TestHistoryMasksSecretsInOtherOperations(t *testing.T) {
	h := newTestHistory(t, 0)
	doc := `mutation Change($input: ChangeInput!, $token: String = "` + canaryLiteral + `") {
  changePassword(input: $input, newPassword: "` + canaryLiteral + `", note: "keep me", credentials: {user: "` + canaryLiteral + `", tags: ["` + canaryLiteral + `"]}) { ok }
  other(auth: ["` + canaryLiteral + `", "` + canaryLiteral + `"], list: ["keep"]) { ok }
}`
	vars := map[string]any{
		"input": map[string]any{
			"password": canaryPassword,
			"cards":    []any{map[string]any{"ref": "6301", "api_key": canaryToken}},
		},
		"Authorization": canaryToken,
		"ref":           json.Number("6301000000000000001"),
	}
	mustAppend(t, h, Entry{
		Endpoint:         "https://user:" + canaryPassword + "@api.example.com/graphql",
		Operation:        "Change",
		OperationKind:    "mutation",
		Document:         doc,
		Variables:        vars,
		TokenFingerprint: canaryJWT, // a careless caller passing the token itself
		Outcome:          OutcomeErrors,
	})
	assertNoCanary(t, h.Path())
	if vars["Authorization"] != canaryToken {
		t.Fatal("Append modified the caller's variables")
	}
	got, _ := mustLoadHistory(t, h, 0)
	e := got[0]
	wantVars := map[string]any{
		"input": map[string]any{
			"password": query.Mask,
			"cards":    []any{map[string]any{"ref": "6301", "api_key": query.Mask}},
		},
		"Authorization": query.Mask,
		"ref":           json.Number("6301000000000000001"),
	}
	if !reflect.DeepEqual(e.Variables, wantVars) {
		t.Errorf("Variables = %#v", e.Variables)
	}
	if !strings.Contains(e.Document, `note: "keep me"`) || !strings.Contains(e.Document, `list: ["keep"]`) {
		t.Errorf("harmless literals were masked:\n%s", e.Document)
	}
	if n := strings.Count(e.Document, `"`+query.Mask+`"`); n != 6 {
		t.Errorf("%d masked literals, want 6:\n%s", n, e.Document)
	}
	if _, err := query.Parse(e.Document); err != nil {
		t.Errorf("masked document does not parse: %v", err)
	}
	if e.Endpoint != "https://api.example.com/graphql" {
		t.Errorf("Endpoint = %q", e.Endpoint)
	}
	if len(e.TokenFingerprint) != 12 {
		t.Errorf("TokenFingerprint = %q, want a 12-digit fingerprint", e.TokenFingerprint)
	}
}

func TestHistoryKeepsAFingerprintAndBoundsTheErrorSummary(t *testing.T) {
	h := newTestHistory(t, 0)
	mustAppend(t, h, Entry{Document: "{ a }", TokenFingerprint: "3f2a9c1b0d4e", ErrorSummary: strings.Repeat("é", 5000)})
	got, _ := mustLoadHistory(t, h, 0)
	if got[0].TokenFingerprint != "3f2a9c1b0d4e" {
		t.Errorf("fingerprint changed to %q", got[0].TokenFingerprint)
	}
	if s := got[0].ErrorSummary; len(s) > maxErrorSummary || !strings.HasSuffix(s, "…") || !strings.HasPrefix(s, "éé") {
		t.Errorf("ErrorSummary of %d bytes: %q...", len(s), s[:min(len(s), 20)])
	}
}

// TestHistoryGolden pins the exact record of a login and of a mutation with a
// password argument (reliability property 15): the file is the contract with
// `toggle-explorer history` and with anyone reading it by hand.
func TestHistoryGolden(t *testing.T) {
	h := newTestHistory(t, 0)
	at := time.Date(2025, 3, 4, 5, 6, 7, 890_000_000, time.FixedZone("CET", 3600))
	mustAppend(t, h, Entry{
		Time: at, Endpoint: "https://api.toggle.example/graphql", Operation: "Login", OperationKind: "query",
		Document:  `query Login($email: String!) { loginUser(email: $email, password: "` + canaryLiteral + `") { id } }`,
		Variables: map[string]any{"email": "a@b.example", "password": canaryPassword},
		Status:    200, Outcome: OutcomeOK, DurationMS: 182, Size: 96,
	})
	mustAppend(t, h, Entry{
		Time: at.Add(time.Second), Endpoint: "https://api.toggle.example/graphql", Operation: "SetPassword", OperationKind: "mutation",
		Document:  `mutation SetPassword($password: String!) { setPassword(password: $password) { ok } }`,
		Variables: map[string]any{"password": canaryPassword, "user": map[string]any{"id": json.Number("42")}},
		Status:    200, Outcome: OutcomeErrors, DurationMS: 75, Size: 210,
		TokenFingerprint: "9b1c2d3e4f5a", ErrorSummary: "Unauthorized",
	})
	want, err := os.ReadFile(filepath.Join("testdata", "history.golden.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if got := readString(t, h.Path()); got != string(want) {
		t.Errorf("history file:\n%s\nwant (testdata/history.golden.jsonl):\n%s", got, want)
	}
}

// TestMaskBlockStringClosedByALongQuoteRun pins the gqlparser end-position
// quirk blockStringEnd corrects: quotes before the closing three are part of
// the value, so they must go under the mask too.
func TestMaskBlockStringClosedByALongQuoteRun(t *testing.T) {
	doc := `query { loginUser(password: """` + canaryLiteral + `"""""") { id } }`
	got := maskDocumentLiterals(doc, true)
	if want := `query { loginUser(password: "` + query.Mask + `") { id } }`; got != want {
		t.Fatalf("masked %q\nwant   %q", got, want)
	}
}

// Card PINs, CVVs, one-time codes and keys are secrets too; words that merely contain those
// letters (spinner, keyword, passenger) are kept.
func TestHistoryMasksSecretLookingWords(t *testing.T) {
	h := newTestHistory(t, 0)
	doc := `mutation Redeem($cardPin: String, $cvv: String, $otp: String, $card_key: String, $keyword: String) {
  redeem(pin: "` + canaryLiteral + `", pass: "` + canaryLiteral + `", spinner: "keep", passenger: "keep") { ok }
}`
	vars := map[string]any{
		"cardPin": canaryPassword, "cvv": canaryPassword, "otp": canaryPassword, "card_key": canaryToken,
		"input":   map[string]any{"pwd": canaryPassword, "passcode": canaryPassword, "keyword": "gift"},
		"keyword": "gift", "monkey": "keep", "spinner": "keep", "passenger": "keep",
	}
	mustAppend(t, h, Entry{Operation: "Redeem", OperationKind: "mutation", Document: doc, Variables: vars, Outcome: OutcomeOK})
	assertNoCanary(t, h.Path())
	got, _ := mustLoadHistory(t, h, 0)
	want := map[string]any{
		"cardPin": query.Mask, "cvv": query.Mask, "otp": query.Mask, "card_key": query.Mask,
		"input":   map[string]any{"pwd": query.Mask, "passcode": query.Mask, "keyword": "gift"},
		"keyword": "gift", "monkey": "keep", "spinner": "keep", "passenger": "keep",
	}
	if !reflect.DeepEqual(got[0].Variables, want) {
		t.Errorf("Variables = %#v", got[0].Variables)
	}
	if n := strings.Count(got[0].Document, `"keep"`); n != 2 {
		t.Errorf("harmless literals were masked:\n%s", got[0].Document)
	}
}
