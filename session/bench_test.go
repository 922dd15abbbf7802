package session

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

// benchServer answers every request with body, after checking a bearer token is present.
func benchServer(body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			writeUnauthorized(w)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	})
}

func benchSession(b *testing.B, body []byte) *Session {
	clock := newFakeClock()
	s, _ := newTestSession(b, benchServer(body), clock, nil)
	if _, err := s.UseToken(jwtAt(clock.Now(), 1<<40, 1), "pasted"); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkExecuteSmall is a `{ hello }` round trip through the session over loopback.
func BenchmarkExecuteSmall(b *testing.B) {
	s := benchSession(b, []byte(`{"data":{"hello":"world"}}`))
	b.ReportAllocs()
	for b.Loop() {
		res, err := s.Execute(context.Background(), hello())
		if err != nil || !res.Envelope.HasData {
			b.Fatal(err)
		}
	}
}

// bigBody builds a ~20 MB compact response of 80,000 items (~250 B each, as in performance.md).
func bigBody() []byte {
	var buf bytes.Buffer
	buf.WriteString(`{"data":{"items":[`)
	for i := range 80000 {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, `{"id":%d,"name":"item number %d","price":%d.25,"active":true,"tags":["alpha","beta","gamma"],"owner":{"id":%d,"email":"user%d@example.com","score":0.%d},"note":"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore"}`, i, i, i%1000, i%97, i%97, i)
	}
	buf.WriteString(`]},"extensions":{"cost":{"actualQueryCost":80000,"throttleStatus":{"maximumAvailable":8000,"currentlyAvailable":0}}}}`)
	return buf.Bytes()
}

// BenchmarkExecute20MB is a 20 MB response through the session: capped read, exchange record,
// full envelope decode (machinebox only sees a stub).
func BenchmarkExecute20MB(b *testing.B) {
	body := bigBody()
	s := benchSession(b, body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := s.Execute(context.Background(), hello())
		if err != nil || res.Size != int64(len(body)) || res.Envelope.Cost == nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeEnvelope20MB(b *testing.B) {
	body := bigBody()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeEnvelope(body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecute20MBChunked is BenchmarkExecute20MB without Content-Length: the server writes
// 32 KiB at a time and net/http sends them as chunks.
func BenchmarkExecute20MBChunked(b *testing.B) {
	body := bigBody()
	clock := newFakeClock()
	s, _ := newTestSession(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		for rest := body; len(rest) > 0; {
			n := min(len(rest), 32<<10)
			_, _ = w.Write(rest[:n])
			rest = rest[n:]
		}
	}), clock, nil)
	if _, err := s.UseToken(jwtAt(clock.Now(), 1<<40, 1), "pasted"); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := s.Execute(context.Background(), hello())
		if err != nil || res.Size != int64(len(body)) || res.Envelope.Cost == nil {
			b.Fatal(err)
		}
	}
}
