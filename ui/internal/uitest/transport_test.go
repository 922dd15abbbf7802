package uitest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// echo answers with the request's method, path and body, and a header of its own.
func echo(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil { // a client request may have none; the transport passes it as is
		body, _ = io.ReadAll(r.Body)
	}
	w.Header().Set("X-Test", "yes")
	w.WriteHeader(http.StatusTeapot)
	io.WriteString(w, r.Method+" "+r.URL.Path+" "+string(body))
}

func TestHandlerTransportServesTheHandler(t *testing.T) {
	client := &http.Client{Transport: HandlerTransport{Handler: http.HandlerFunc(echo)}}
	// Port 1 is never listened on: an answer proves the request stayed in process.
	res, err := client.Post("http://127.0.0.1:1/graphql", "text/plain", strings.NewReader("ping"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusTeapot || res.Header.Get("X-Test") != "yes" || string(body) != "POST /graphql ping" {
		t.Fatalf("got %d %q %q", res.StatusCode, res.Header.Get("X-Test"), body)
	}
	if res.Request == nil || res.Request.URL.Path != "/graphql" {
		t.Fatal("the response does not point back at its request")
	}
}

func TestHandlerTransportReportsCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	// The handler gives up with the caller; its partial answer must not be returned.
	during := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "partial")
		cancel()
	})
	// In this order: "during" cancels the shared context, so "before" then starts cancelled.
	for _, c := range []struct {
		name string
		h    http.Handler
	}{{"during", during}, {"before", http.HandlerFunc(echo)}} {
		name, h := c.name, c.h
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:1/", nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := HandlerTransport{Handler: h}.RoundTrip(req)
		if !errors.Is(err, context.Canceled) || res != nil {
			t.Fatalf("%s: cancelled request gave %v, %v; want context.Canceled", name, res, err)
		}
	}
}

// closeRecorder notes whether the transport closed the request body.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestHandlerTransportClosesTheBody(t *testing.T) {
	body := &closeRecorder{Reader: strings.NewReader("x")}
	req, err := http.NewRequest(http.MethodPost, "http://127.0.0.1:1/", body)
	if err != nil {
		t.Fatal(err)
	}
	res, err := HandlerTransport{Handler: http.HandlerFunc(echo)}.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if !body.closed {
		t.Fatal("the request body was left open")
	}
}
