package session

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// machineboxPassThrough is the largest body handed to machinebox/graphql as is. v0.2.2 copies
// every body into a log string and decodes it again even with no logger set, which doubles time
// and memory at 20 MB (performance.md §2). The session never uses machinebox's decoded result: it
// decodes the full body the transport captured. So beyond this size machinebox gets a stub.
const machineboxPassThrough = 1 << 20

// machineboxStub is the envelope machinebox decodes instead of a large body.
const machineboxStub = `{"data":null}`

// call is one request's private slot, carried in the request context between the session and
// the transport: the token to send (so the exchange records exactly what was sent, even if the
// session's token changes meanwhile) in, the captured response out. The transport writes the
// outputs before RoundTrip returns, and http.Client.Do returns only after RoundTrip, so the
// session reads them without further locking (wrote is atomic because httptrace callbacks may run
// on the transport's writer goroutine).
type call struct {
	// inputs
	token     Token
	operation string
	opName    string      // operationName to add to the body (machinebox cannot send one)
	login     bool        // a loginUser call: all variables masked, token taken by the login code
	limit     int64       // body cap
	headers   http.Header // the user's extra headers (Request.Headers)

	// outputs
	responded   bool
	exchangeID  int64
	status      int
	header      http.Header // raw response header (for Date, Content-Type and Location)
	body        []byte
	rotRaw      string // token offered by the response, if any
	rotHeader   string // which header offered it
	sentScheme  string // scheme word of the Authorization header sent
	sentFP      string // fingerprint of the token the request carried ("" when none)
	duration    time.Duration
	err         error
	wrote       atomic.Bool // the request was written completely
	requestURL  *url.URL
	contentType string
}

type callKey struct{}

func withCall(ctx context.Context, c *call) context.Context {
	return context.WithValue(ctx, callKey{}, c)
}

func callFrom(ctx context.Context) *call {
	c, _ := ctx.Value(callKey{}).(*call)
	return c
}

// transport is the RoundTripper machinebox/graphql sends through. It sets the bearer token,
// captures the whole body with a cap, records the exchange and offers rotated tokens to the
// session's adoption rule.
type transport struct {
	s    *Session
	base http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	s := t.s
	c := callFrom(req.Context())
	if c == nil { // not sent by the session: no token, default cap
		c = &call{limit: s.cfg.MaxBodyBytes}
	}
	body, err := readRequestBody(req)
	if err != nil {
		return nil, err
	}
	if c.opName != "" {
		body = withOperationName(body, c.opName)
	}
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	r.Header.Del("Authorization")
	sent := Token{}
	// The token only ever goes to the configured origin, whatever URL this request has.
	if !c.token.IsZero() && sameOrigin(r.URL, s.endpoint) {
		sent = c.token
		r.Header.Set("Authorization", "Bearer "+sent.Raw())
		c.sentScheme = "Bearer"
	}
	// The user's headers belong to this endpoint like the token: never to another origin.
	if len(c.headers) > 0 && sameOrigin(r.URL, s.endpoint) {
		for name, values := range c.headers {
			r.Header[http.CanonicalHeaderKey(name)] = append([]string(nil), values...)
		}
		if v := r.Header.Get("Authorization"); c.headers.Get("Authorization") != "" {
			c.sentScheme, _ = splitScheme(v)
		}
	}
	c.requestURL = r.URL
	c.sentFP = sent.Fingerprint
	c.exchangeID = s.log.reserve()
	ex := Exchange{
		ID:              c.exchangeID,
		Operation:       c.operation,
		Method:          r.Method,
		URL:             r.URL.Redacted(),
		RequestHeader:   RedactHeader(r.Header),
		RequestBody:     MaskRequestBody(body, c.login),
		Started:         s.cfg.Clock.Now(),
		SentFingerprint: sent.Fingerprint,
	}
	trace := &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) {
		if i.Err == nil {
			c.wrote.Store(true)
		}
	}}
	r = r.WithContext(httptrace.WithClientTrace(r.Context(), trace))

	t0 := time.Now()
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, t.fail(c, &ex, t0, err)
	}
	data, err := readCapped(resp.Body, resp.ContentLength, c.limit, t.s.cfg.ReserveBodies)
	resp.Body.Close()
	c.header = resp.Header
	ex.Status, ex.ResponseHeader = resp.StatusCode, RedactHeader(resp.Header)
	if err != nil {
		return nil, t.fail(c, &ex, t0, err)
	}
	c.duration = time.Since(t0)
	c.responded, c.status, c.body = true, resp.StatusCode, data
	c.contentType = resp.Header.Get("Content-Type")
	c.rotRaw, c.rotHeader = pickRotation(resp.Header)

	ex.Duration, ex.Size = c.duration, int64(len(data))
	ex.ResponseBody, ex.Truncated = logCopy(data, s.cfg.ExchangeBodyLimit)
	if c.rotRaw != "" {
		ex.ReceivedFingerprint = Fingerprint(stripBearer(c.rotRaw))
	}
	s.log.add(ex)
	if !c.login && c.rotRaw != "" {
		s.offer(c.rotRaw, c.rotHeader, sent, c.exchangeID, c.operation, r.URL)
	}

	resp.Body, resp.ContentLength = io.NopCloser(bytes.NewReader(data)), int64(len(data))
	if len(data) > machineboxPassThrough {
		resp.Body, resp.ContentLength = io.NopCloser(strings.NewReader(machineboxStub)), int64(len(machineboxStub))
	}
	return resp, nil
}

// fail records a failed round trip and returns its error.
func (t *transport) fail(c *call, ex *Exchange, t0 time.Time, err error) error {
	c.duration = time.Since(t0)
	c.err = err
	ex.Duration = c.duration
	ex.Err = RedactJWTs(err.Error())
	t.s.log.add(*ex)
	return err
}

// readRequestBody reads and closes the outgoing body (the session's bodies are small).
func readRequestBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer req.Body.Close()
	return io.ReadAll(req.Body)
}

// withOperationName adds "operationName" to machinebox's `{"query":…,"variables":…}` body by
// inserting it before the closing brace.
func withOperationName(body []byte, name string) []byte {
	end := bytes.LastIndexByte(body, '}')
	if end < 0 {
		return body
	}
	quoted, _ := json.Marshal(name)
	out := make([]byte, 0, len(body)+len(quoted)+18)
	out = append(out, body[:end]...)
	out = append(out, `,"operationName":`...)
	out = append(out, quoted...)
	return append(out, body[end:]...)
}

// readCapped reads a body of at most limit bytes. One byte past the limit is an error, not a
// silent truncation, and reading stops there: a body far larger than the cap costs no more memory
// than the cap itself. With a Content-Length the buffer is sized once. Without one the body is
// read into chunks that grow geometrically up to maxChunk (never past limit+1 in all) and joined
// once at the end: appending to one slice instead would allocate about five times the body while
// growing and hold twice it at the last copy, cap or no cap. With reserve (Config.ReserveBodies),
// a body that passes reserveFrom continues in one buffer reserved at the cap instead (see
// readSized), which the kernel backs only as far as the body fills it: no join, and half the
// pages touched.
func readCapped(r io.Reader, contentLength, limit int64, reserve bool) ([]byte, error) {
	if contentLength > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	if contentLength >= 0 {
		return readSized(r, contentLength, limit)
	}
	var chunks [][]byte
	total, size := int64(0), int64(firstChunk)
	for total <= limit {
		if reserve && total >= reserveFrom && limit <= maxReserve {
			// What came so far goes first, then the rest of the body after it.
			parts := make([]io.Reader, 0, len(chunks)+1)
			for _, c := range chunks {
				parts = append(parts, bytes.NewReader(c))
			}
			return readSized(io.MultiReader(append(parts, r)...), limit, limit)
		}
		n := min(size, limit+1-total)
		buf := make([]byte, n)
		got, err := fill(r, buf)
		total += int64(got)
		if got > 0 {
			chunks = append(chunks, buf[:got])
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(2*size, maxChunk)
	}
	if total > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	switch len(chunks) {
	case 0:
		return []byte{}, nil
	case 1:
		return chunks[0], nil
	}
	return join(chunks, total), nil
}

// parallelJoin is the body size from which join copies on two goroutines.
const parallelJoin = 4 << 20

// join copies chunks into one buffer of total bytes. A large body's copy is mostly page faults on
// the fresh buffer (5,000 for 20 MB: about as long as reading the body off the socket), and
// faults on two cores take half as long: so from parallelJoin on, the second half of the chunks
// is copied by a second goroutine.
func join(chunks [][]byte, total int64) []byte {
	out := make([]byte, total)
	if total < parallelJoin {
		copyChunks(out, chunks)
		return out
	}
	// Split where the first half of the bytes ends, at a chunk boundary.
	split, at := 0, int64(0)
	for split < len(chunks) && at+int64(len(chunks[split])) <= total/2 {
		at += int64(len(chunks[split]))
		split++
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		copyChunks(out[at:], chunks[split:])
	}()
	copyChunks(out[:at], chunks[:split])
	wg.Wait()
	return out
}

// copyChunks copies chunks one after the other into dst.
func copyChunks(dst []byte, chunks [][]byte) {
	for _, c := range chunks {
		dst = dst[copy(dst, c):]
	}
}

// fill reads into buf until it is full or the reader fails. Unlike io.ReadFull it passes the
// reader's own error through as is: a body cut short reports io.ErrUnexpectedEOF itself, which must
// not be mistaken for a clean end.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Chunk sizes for a body of unknown length: small answers take one small buffer; large ones are
// read in pieces of up to 4 MiB, so the slack at the end is at most one piece. With
// ReserveBodies, a body past reserveFrom moves to one buffer reserved at the cap, when the cap
// is at most maxReserve (address space is plentiful, not unlimited).
const (
	firstChunk  = 16 << 10
	maxChunk    = 4 << 20
	reserveFrom = 1 << 20
	maxReserve  = 1 << 30
)

// readSized reads a body whose Content-Length is known (and within the limit) into one buffer of
// that size, checking that no more than limit bytes arrive whatever the header said.
func readSized(r io.Reader, contentLength, limit int64) ([]byte, error) {
	buf := make([]byte, 0, contentLength+1) // +1 so reading EOF does not force a grow
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return buf, nil
}

// logCopy returns the part of a body the exchange log keeps, copied so the log never pins a
// large body in memory, with JWT-looking text redacted.
func logCopy(data []byte, limit int) ([]byte, bool) {
	truncated := len(data) > limit
	if truncated {
		data = data[:limit]
	}
	if bytes.Contains(data, []byte("eyJ")) {
		return []byte(RedactJWTs(string(data))), truncated
	}
	return bytes.Clone(data), truncated
}

// pickRotation returns the token a response offers: X-Authorization when present (the documented
// header), else the deprecated Authorization.
func pickRotation(h http.Header) (raw, header string) {
	if v := h.Get("X-Authorization"); stripBearer(v) != "" {
		return v, "X-Authorization"
	}
	if v := h.Get("Authorization"); stripBearer(v) != "" {
		return v, "Authorization"
	}
	return "", ""
}
