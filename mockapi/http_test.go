package mockapi

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestHTTPMethodsAndPaths(t *testing.T) {
	h := newHarness(t, Config{})
	resp, err := http.Get(h.url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "loginUser") || !strings.Contains(string(body), DemoPassword) {
		t.Fatalf("GET hint: %d %s", resp.StatusCode, body)
	}

	req, _ := http.NewRequest(http.MethodPut, h.url, strings.NewReader(typenameBody))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), "POST") {
		t.Fatalf("PUT: %d %v", resp.StatusCode, resp.Header)
	}

	root := strings.TrimSuffix(h.url, "/graphql") + "/"
	resp, err = http.Post(root, "application/json", strings.NewReader(typenameBody))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST /: %d", resp.StatusCode)
	}
	resp, err = http.Post(root+"elsewhere", "application/json", strings.NewReader(typenameBody))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Fatalf("other path: %d", resp.StatusCode)
	}
}

func TestHintHidesNonDemoPassword(t *testing.T) {
	h := newHarness(t, Config{Username: "ops", Password: "s3cret-pa55"})
	resp, err := http.Get(h.url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(body), "s3cret-pa55") {
		t.Fatal("the hint page must not show a configured password")
	}
}

func TestBadRequestBodies(t *testing.T) {
	h := newHarness(t, Config{})
	cases := map[string]struct {
		body   string
		status int
	}{
		"not JSON":            {`{"query": `, 400},
		"garbage":             {`hello`, 400},
		"trailing data":       {`{"query":"{ __typename }"} {}`, 400},
		"batch":               {`[{"query":"{ __typename }"}]`, 400},
		"no query":            {`{"variables":{}}`, 400},
		"query not a string":  {`{"query": 5}`, 400},
		"variables not map":   {`{"query":"{ __typename }","variables":[1]}`, 400},
		"empty body":          {``, 400},
		"too large":           {`{"query":"` + strings.Repeat(" ", maxBodyBytes) + `"}`, 413},
		"syntax error":        {`{"query":"{ Cards { "}`, 200},
		"unknown field":       {`{"query":"{ Nope }"}`, 200},
		"two ops, no name":    {`{"query":"query A { __typename } query B { __typename }"}`, 200},
		"unknown op name":     {`{"query":"query A { __typename }","operationName":"B"}`, 200},
		"wrong variable type": {`{"query":"query Q($n: Int) { Cards(limit: $n) { total } }","variables":{"n":"x"}}`, 200},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := h.postRaw("", []byte(c.body))
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.raw)
			}
			e := firstError(t, r)
			if _, ok := e["locations"].([]any); !ok || e["customer_facing"] != false || e["message"] == "" {
				t.Fatalf("error shape: %s", r.raw)
			}
			if r.body["data"] != nil {
				t.Fatalf("no data expected: %s", r.raw)
			}
		})
	}
	r := h.postRaw("", []byte(`{"query":"{\n  Cards { nope }\n}"}`))
	if e := firstError(t, r); len(e["locations"].([]any)) == 0 {
		t.Fatalf("validation errors keep graphql-go's location: %s", r.raw)
	}
}

func TestOperationNameSelectsTheOperation(t *testing.T) {
	h := newHarness(t, Config{})
	body := `{"query":"query A { Cards { total } } query B { __typename }","operationName":"B"}`
	if r := h.postRaw("", []byte(body)); string(r.raw) != `{"data":{"__typename":"Query"}}`+"\n" {
		t.Fatalf("operation B needs no token: %s", r.raw)
	}
	if s := h.srv.Stats(); s.Operations["B"] != 1 || s.Fields["__typename"] != 1 {
		t.Fatalf("stats %+v", s)
	}
}
