package jq

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func run(t *testing.T, body, expr string) []string {
	t.Helper()
	f, err := Compile(expr)
	if err != nil {
		t.Fatalf("Compile(%q): %v", expr, err)
	}
	out, _, err := NewInput([]byte(body)).Run(context.Background(), f, 0)
	if err != nil {
		t.Fatalf("Run(%q): %v", expr, err)
	}
	var s []string
	for _, v := range out {
		b, err := Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		s = append(s, string(b))
	}
	return s
}

// Card numbers have 19 digits: past float64's 53 bits, they must come out
// as they went in, through arithmetic-free filters and comparisons.
func TestNumbersStayExact(t *testing.T) {
	body := `{"data":{"Cards":{"data":[{"number":1234567890123456789,"balance":25.50},{"number":9876543210987654321,"balance":1e2}]}}}`
	got := run(t, body, `.data.Cards.data[] | .number`)
	want := []string{"1234567890123456789", "9876543210987654321"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
	got = run(t, body, `[.data.Cards.data[] | select(.number == 9876543210987654321) | .balance]`)
	if len(got) != 1 || got[0] != "[100]" {
		t.Errorf("select by exact number: %v", got)
	}
}

func TestParseErrorSaysWhere(t *testing.T) {
	_, err := Compile(".data | map(.id")
	if err == nil || !strings.Contains(err.Error(), "column") {
		t.Fatalf("err = %v, want a position", err)
	}
	if _, err := Compile(""); err != nil {
		t.Errorf("empty filter: %v", err)
	}
}

func TestRuntimeErrorAndHalt(t *testing.T) {
	f, _ := Compile(`.a + 1`)
	if _, _, err := NewInput([]byte(`{"a":"x"}`)).Run(context.Background(), f, 0); err == nil {
		t.Error("string + number did not fail")
	}
	if got := run(t, `1`, `., halt, 2`); strings.Join(got, ",") != "1" {
		t.Errorf("halt: %v", got)
	}
}

func TestRunLimitAndCancel(t *testing.T) {
	f, _ := Compile(`range(100)`)
	in := NewInput([]byte(`null`))
	out, capped, err := in.Run(context.Background(), f, 10)
	if err != nil || len(out) != 10 || !capped {
		t.Errorf("out=%d capped=%v err=%v", len(out), capped, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	loop, _ := Compile(`def f: f; f`)
	if _, _, err := in.Run(ctx, loop, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}

func TestBadBody(t *testing.T) {
	f, _ := Compile(`.`)
	for _, body := range []string{`<html>`, `{} {}`, ``} {
		if _, _, err := NewInput([]byte(body)).Run(context.Background(), f, 0); err == nil {
			t.Errorf("%q: no error", body)
		}
	}
}

func TestRaw(t *testing.T) {
	for v, want := range map[any]string{"a\tb": "a\tb", 1: "1", true: "true"} {
		got, _ := Raw(v)
		if string(got) != want {
			t.Errorf("Raw(%v) = %q, want %q", v, got, want)
		}
	}
}
