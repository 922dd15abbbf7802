package session

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/session/display"
)

func scanSeeds() []string {
	return append(envelopeSeeds(),
		`{}`, `{"a":1,}`, `{"a" 1}`, `{"a":}`, `{,}`, `[1,]`, `[,1]`, `{"a":[1,{"b":"c"}],"d":true}`,
		`-0.5e+10`, `01`, `1.`, `.5`, `-`, `1e`, `"\u00e9\n\"\\\/"`, `"\u00G0"`, `"\x"`, "\"\x01\"", "\"\xff\"",
		` {"data" : {"x":null} , "data":1 } `, `{"d\u0061ta":1}`, `tru`, `nul`, `[true,false,null]`, `{"a":1}x`,
		strings.Repeat("[", 10000)+strings.Repeat("]", 10000), strings.Repeat("[", 10001)+strings.Repeat("]", 10001),
		strings.Repeat(`{"a":`, 3)+`1`+strings.Repeat(`}`, 3), `{"a":"\ud800"}`, "{\"a\":1}\n",
	)
}

// FuzzScanEnvelope holds scanEnvelope to encoding/json: it accepts exactly what json.Valid
// accepts, and an object's members, a repeated key keeping its last value, are what Unmarshal
// into a map of RawMessage finds.
func FuzzScanEnvelope(f *testing.F) {
	for _, s := range scanSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		members, printable, ok := scanEnvelope(body)
		if valid := json.Valid(body); ok != valid {
			t.Fatalf("scanEnvelope ok = %v, json.Valid = %v for %q", ok, valid, body)
		}
		want := ok
		for _, c := range body {
			if c >= 0x7f || c == '\r' || c < 0x20 && c != '\n' && c != '\t' {
				want = false
			}
		}
		if printable != want {
			t.Fatalf("printable = %v, want %v for %q", printable, want, body)
		}
		if printable && !bytes.Equal(display.JSON(body), body) {
			t.Fatalf("printable, but display.JSON changes %q", body)
		}
		var ref map[string]json.RawMessage
		if !ok || json.Unmarshal(body, &ref) != nil || ref == nil {
			return
		}
		got := map[string][]byte{}
		for _, m := range members {
			got[memberKey(m.key)] = m.value
		}
		if len(got) != len(ref) {
			t.Fatalf("%d keys, encoding/json %d, for %q", len(got), len(ref), body)
		}
		for k, v := range ref {
			if !bytes.Equal(got[k], v) {
				t.Fatalf("key %q: %q, encoding/json %q", k, got[k], v)
			}
		}
	})
}

// TestScanEnvelopeDepth: encoding/json's nesting limit, 10,000, holds here too.
func TestScanEnvelopeDepth(t *testing.T) {
	for depth, want := range map[int]bool{10000: true, 10001: false} {
		body := strings.Repeat(`{"a":`, depth-1) + "{}" + strings.Repeat("}", depth-1)
		if _, _, ok := scanEnvelope([]byte(body)); ok != want {
			t.Errorf("depth %d: ok = %v, want %v", depth, ok, want)
		}
	}
}

// TestHasSpecial tries every byte value at every position of a word of plain bytes, and two
// special bytes at once.
func TestHasSpecial(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			word := []byte("abcdefgh")
			word[pos] = byte(c)
			x := uint64(0)
			for i, b := range word {
				x |= uint64(b) << (8 * i)
			}
			if got, want := hasSpecial(x), c < 0x20 || c == '"' || c == '\\' || c >= 0x7f; got != want {
				t.Fatalf("byte %#x at %d: hasSpecial = %v, want %v", c, pos, got, want)
			}
		}
	}
	if !hasSpecial(0x5c_22_61_61_61_61_61_61) || !hasSpecial(0xff_80_7f_61_20_7e_61_61) || hasSpecial(0x7e_20_61_61_61_61_61_61) {
		t.Fatal("words of several bytes misjudged")
	}
}

// BenchmarkJSONValid20MB is the anchor for BenchmarkDecodeEnvelope20MB: encoding/json's
// validity scan alone, over the same body.
func BenchmarkJSONValid20MB(b *testing.B) {
	body := bigBody()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if !json.Valid(body) {
			b.Fatal("invalid")
		}
	}
}
