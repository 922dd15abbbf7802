// Package jq runs jq filters over response bodies with gojq, a maintained jq
// implementation in Go, keeping numbers exact: bodies are decoded with
// json.Number, so a 19-digit card number reaches the filter as an integer
// (a big.Int past int64), never as a rounded float64.
//
// Differences from the C jq that users may notice are gojq's: object keys
// come out sorted, and there is no --stream or input/inputs over several
// documents. The package imports nothing of Bubble Tea: the headless run
// command uses it too.
package jq

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/itchyny/gojq"
)

// Filter is a compiled jq expression. It is safe for concurrent use.
type Filter struct {
	expr string
	code *gojq.Code
}

// Compile parses and compiles expr. The error is jq's own message, with the
// position where gojq reports one, fit to show in place under the filter line.
func Compile(expr string) (*Filter, error) {
	if strings.TrimSpace(expr) == "" {
		expr = "."
	}
	q, err := gojq.Parse(expr)
	if err != nil {
		var pe *gojq.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%v at column %d", err, columnOf(expr, pe.Offset))
		}
		return nil, err
	}
	code, err := gojq.Compile(q)
	if err != nil {
		return nil, err
	}
	return &Filter{expr: expr, code: code}, nil
}

// columnOf is the 1-based column (in runes) of byte offset off of s.
func columnOf(s string, off int) int {
	off = min(max(0, off), len(s))
	return len([]rune(s[:off])) + 1
}

// String returns the expression.
func (f *Filter) String() string { return f.expr }

// Input is a body decoded once for any number of filter runs. gojq
// normalises its input in place on every run, so runs on one Input are
// serialised; a run that is no longer wanted should be cancelled through its
// context so the next one starts promptly.
type Input struct {
	body []byte

	once sync.Once
	val  any
	err  error

	mu sync.Mutex // held by a run: gojq writes to the decoded maps
}

// NewInput wraps body; nothing is decoded until the first run.
func NewInput(body []byte) *Input { return &Input{body: body} }

// Decode decodes body as one JSON value with exact numbers.
func Decode(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("the response is not JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("the response holds more than one JSON value")
	}
	return v, nil
}

// Run applies f to the input and returns every output value, stopping at
// the first error (jq's runtime errors, or ctx's). limit caps the number of
// outputs kept (0: no cap); capped reports whether more were dropped.
func (in *Input) Run(ctx context.Context, f *Filter, limit int) (out []any, capped bool, err error) {
	in.once.Do(func() { in.val, in.err = Decode(in.body) })
	if in.err != nil {
		return nil, false, in.err
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	iter := f.code.RunWithContext(ctx, in.val)
	for {
		v, ok := iter.Next()
		if !ok {
			return out, false, nil
		}
		if err, ok := v.(error); ok {
			var halt *gojq.HaltError
			if errors.As(err, &halt) && halt.Value() == nil {
				return out, false, nil // halt: a normal stop
			}
			return out, false, err
		}
		if limit > 0 && len(out) == limit {
			return out, true, nil
		}
		out = append(out, v)
	}
}

// Marshal encodes one output value as compact JSON, as jq -c prints it
// (keys sorted, numbers exact, no HTML escaping).
func Marshal(v any) ([]byte, error) { return gojq.Marshal(v) }

// Raw is jq -r: a string output is its text, anything else its JSON.
func Raw(v any) ([]byte, error) {
	if s, ok := v.(string); ok {
		return []byte(s), nil
	}
	return gojq.Marshal(v)
}
