package uitest

import (
	"net/http"
	"net/http/httptest"
)

// HandlerTransport is an http.RoundTripper that serves every request straight from Handler, in
// process: no port is opened, so the endpoint a test shows stays fixed and nothing can reach the
// network. Like net/http, it reports a request cancelled before or during the call as the
// context's error rather than handing back whatever the handler wrote when it gave up.
type HandlerTransport struct {
	// Handler answers every request.
	Handler http.Handler
}

// RoundTrip serves r from t.Handler and returns the recorded response.
func (t HandlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		// A RoundTripper must close the request body, even on error.
		defer r.Body.Close()
	}
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	rec := httptest.NewRecorder()
	t.Handler.ServeHTTP(rec, r)
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	res := rec.Result()
	res.Request = r
	return res, nil
}
