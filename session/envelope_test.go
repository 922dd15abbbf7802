package session

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestDecodeEnvelope(t *testing.T) {
	for _, tc := range []struct {
		name         string
		body         string
		unauthorized bool
		hasData      bool
		errs         int
	}{
		{"toggle unauthorized", `{"errors":[{"message":"Unauthorized","locations":[{"line":2,"column":3}],"customer_facing":false}]}`, true, false, 1},
		{"unauthorized data null", `{"data":null,"errors":[{"message":"Unauthorized"}]}`, true, false, 1},
		{"unauthorized all fields null", `{"data":{"a":null,"b":null},"errors":[{"message":"Unauthorized"}]}`, true, true, 1},
		{"unauthorized empty data", `{"data":{},"errors":[{"message":"Unauthorized"}]}`, true, true, 1},
		{"partial data", `{"data":{"a":1,"b":null},"errors":[{"message":"Unauthorized","path":["b"]}]}`, false, true, 1},
		{"word in message", `{"errors":[{"message":"Unauthorized: card belongs to another merchant"}]}`, false, false, 1},
		{"lowercase", `{"errors":[{"message":"unauthorized"}]}`, false, false, 1},
		{"second error", `{"errors":[{"message":"validation"},{"message":"Unauthorized"}]}`, true, false, 2},
		{"ok", `{"data":{"hello":"world"}}`, false, true, 0},
		{"case-sensitive keys", `{"ERRORS":[{"message":"Unauthorized"}],"Data":{"a":1}}`, false, false, 0},
		{"errors null", `{"data":{"a":1},"errors":null}`, false, true, 0},
	} {
		env, err := DecodeEnvelope([]byte(tc.body))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if env.IsUnauthorized() != tc.unauthorized || env.HasData != tc.hasData || len(env.Errors) != tc.errs {
			t.Errorf("%s: unauthorized=%v hasData=%v errs=%d", tc.name, env.IsUnauthorized(), env.HasData, len(env.Errors))
		}
	}
}

func TestDecodeEnvelopeToggleFields(t *testing.T) {
	body := `{"data":{"createBalanceAdjustment":null},"errors":[{"message":"validation","locations":[{"line":2,"column":3}],"customer_facing":false,"validation":{"currency":["This field is required"],"value":"bad"},"path":["createBalanceAdjustment",0]}],"extensions":{"cost":{"requestedQueryCost":3,"actualQueryCost":2,"throttleStatus":{"maximumAvailable":1000,"currentlyAvailable":998,"restoreRate":50}}}}`
	env, err := DecodeEnvelope([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	g := env.Errors[0]
	if g.Message != "validation" || g.CustomerFacing == nil || *g.CustomerFacing || len(g.Locations) != 1 || g.Locations[0] != (Location{2, 3}) {
		t.Fatalf("error %+v", g)
	}
	if g.Validation["currency"][0] != "This field is required" || g.Validation["value"][0] != "bad" || len(g.Path) != 2 {
		t.Fatalf("validation %+v path %v", g.Validation, g.Path)
	}
	if env.Cost == nil || env.Cost.ActualQueryCost != 2 || env.Cost.ThrottleStatus.CurrentlyAvailable != 998 {
		t.Fatalf("cost %+v", env.Cost)
	}
	if env.IsUnauthorized() {
		t.Fatal("validation error classified as Unauthorized")
	}
}

func TestDecodeEnvelopeBadBodies(t *testing.T) {
	for name, body := range map[string]string{
		"html":       "<html><body>502 Bad Gateway \x1b]52;c;ZXZpbA==\x07</body></html>",
		"empty":      "  ",
		"array":      `[1,2]`,
		"truncated":  `{"data":{"a":`,
		"errors obj": `{"errors":{"message":"Unauthorized"}}`,
	} {
		_, err := DecodeEnvelope([]byte(body))
		var be *BodyError
		if !errors.As(err, &be) {
			t.Errorf("%s: err = %v", name, err)
			continue
		}
		if strings.ContainsRune(err.Error(), 0x1b) || strings.ContainsRune(err.Error(), 0x07) {
			t.Errorf("%s: control characters reach the message: %q", name, err)
		}
	}
}

func TestDecodeEnvelopeDataAliasesBody(t *testing.T) {
	body := []byte(`{"data":{"x":[1,2,3]}}`)
	env, err := DecodeEnvelope(body)
	if err != nil || string(env.Data) != `{"x":[1,2,3]}` {
		t.Fatalf("%s %v", env.Data, err)
	}
}

func FuzzDecodeEnvelope(f *testing.F) {
	for _, s := range envelopeSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		env, err := DecodeEnvelope(body)
		if err != nil {
			return
		}
		_ = env.IsUnauthorized()
		if env.HasData && len(env.Data) == 0 {
			t.Fatal("HasData without data")
		}
	})
}

// FuzzDecodeEnvelopeDifferential checks DecodeEnvelope against a plain encoding/json reading of
// the same body: acceptance, the error messages and the Unauthorized classification must agree.
func FuzzDecodeEnvelopeDifferential(f *testing.F) {
	for _, s := range envelopeSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		env, err := DecodeEnvelope(body)
		var ref map[string]any
		refErr := json.Unmarshal(body, &ref)
		if refErr != nil || ref == nil {
			if err == nil {
				t.Fatalf("accepted what encoding/json rejects as an object: %q", body)
			}
			return
		}
		rawErrs, hasErrs := ref["errors"]
		list, isList := rawErrs.([]any)
		if hasErrs && rawErrs != nil && !isList {
			if err == nil {
				t.Fatal("accepted a non-list errors")
			}
			return
		}
		objects := true
		for _, e := range list {
			if _, ok := e.(map[string]any); !ok {
				objects = false
			}
		}
		if !objects {
			if err == nil {
				t.Fatal("accepted errors that are not objects")
			}
			return
		}
		if err != nil {
			t.Fatalf("rejected a valid envelope: %v", err)
		}
		if len(env.Errors) != len(list) {
			t.Fatalf("errors: %d vs %d", len(env.Errors), len(list))
		}
		unauth := false
		for i, e := range list {
			m := e.(map[string]any)
			if s, ok := m["message"].(string); ok {
				if env.Errors[i].Message != s {
					t.Fatalf("message %q vs %q", env.Errors[i].Message, s)
				}
				unauth = unauth || s == "Unauthorized"
			}
		}
		usable := false
		switch d := ref["data"].(type) {
		case nil:
		case map[string]any:
			for _, v := range d {
				usable = usable || v != nil
			}
		default:
			usable = true
		}
		if want := unauth && !usable; env.IsUnauthorized() != want {
			t.Fatalf("IsUnauthorized = %v, reference %v for %q", env.IsUnauthorized(), want, body)
		}
	})
}

func envelopeSeeds() []string {
	return []string{
		`{"errors":[{"message":"Unauthorized","locations":[{"line":2,"column":3}],"customer_facing":false}]}`,
		`{"data":{"a":null},"errors":[{"message":"Unauthorized"}]}`,
		`{"data":{"a":1},"errors":[{"message":"Unauthorized"}]}`,
		`{"data":null,"errors":[{"message":"validation","validation":{"currency":["required"]}}]}`,
		`{"data":{"x":1},"extensions":{"cost":{"actualQueryCost":1,"throttleStatus":{"maximumAvailable":10,"currentlyAvailable":9}}}}`,
		`{"errors":[{"message":1}]}`, `{"errors":[1]}`, `{"errors":"x"}`, `[]`, `<html>`, ``, `{"data":1,"data":null}`,
		`{"errors":[{"message":"Unauthorized","message":"x"}]}`, `{"data":[],"errors":[{"message":"Unauthorized"}]}`,
	}
}
