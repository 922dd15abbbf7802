package session

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"
)

func TestJudgeRotation(t *testing.T) {
	now := newFakeClock().Now()
	tok := func(iat time.Time, ttl time.Duration, seq int) Token {
		t.Helper()
		tk, err := ParseToken(jwtAt(iat, ttl, seq), now, "test")
		if err != nil {
			t.Fatal(err)
		}
		return tk
	}
	cur := tok(now.Add(-10*time.Minute), time.Hour, 1)
	opaque, _ := ParseToken("opaque", now, "test")
	noExp, _ := ParseToken(makeJWT(map[string]any{"sub": "x"}), now, "test")
	sameExpLaterIat := func() Token {
		tk, _ := ParseToken(makeJWT(map[string]any{"iat": now.Add(-5 * time.Minute).Unix(), "exp": cur.ExpiresAt.Unix()}), now, "t")
		return tk
	}()
	sameExpSameIat := tok(now.Add(-10*time.Minute), time.Hour, 2)
	earlier := tok(now.Add(-20*time.Minute), time.Hour, 3) // the token a stale request carried
	unsigned := func() Token {
		enc := base64.RawURLEncoding
		h, _ := json.Marshal(map[string]any{"alg": "none"})
		p, _ := json.Marshal(map[string]any{"sub": "demo", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
		tk, _ := ParseToken(enc.EncodeToString(h)+"."+enc.EncodeToString(p)+".", now, "t")
		return tk
	}()
	otherSubject := func() Token {
		tk, _ := ParseToken(makeJWT(map[string]any{"sub": "mallory", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}), now, "t")
		return tk
	}()
	for _, tc := range []struct {
		name            string
		cur, cand, sent Token
		want            bool
	}{
		{"newer", cur, tok(now, time.Hour, 2), Token{}, true},
		{"older", cur, tok(now.Add(-20*time.Minute), time.Hour, 2), Token{}, false},
		{"expired", cur, tok(now.Add(-2*time.Hour), time.Hour, 2), Token{}, false},
		{"not a JWT", cur, opaque, Token{}, false},
		{"JWT without exp", cur, noExp, Token{}, false},
		{"empty", cur, Token{}, Token{}, false},
		{"same token", cur, cur, cur, false},
		{"tie broken by later iat", cur, sameExpLaterIat, Token{}, true},
		{"full tie keeps current", cur, sameExpSameIat, Token{}, false},
		{"logged out", Token{}, tok(now, time.Hour, 2), Token{}, false},
		// The chain: a response to a request that carried the current token is its successor.
		{"full tie, answering the current token", cur, sameExpSameIat, cur, true},
		{"full tie, answering an earlier token", cur, sameExpSameIat, earlier, false},
		{"older, answering the current token", cur, tok(now.Add(-20*time.Minute), time.Hour, 2), cur, false},
		{"newer, answering an earlier token", cur, tok(now, time.Hour, 2), earlier, true},
		// Trust rules hold whatever the chain says.
		{"alg none", cur, unsigned, cur, false},
		{"another subject", cur, otherSubject, cur, false},
	} {
		if got := judgeRotation(tc.cur, tc.cand, tc.sent, now); got.adopt != tc.want {
			t.Errorf("%s: adopt=%v (%s), want %v", tc.name, got.adopt, got.reason, tc.want)
		}
	}
}

// Property 4 through the real transport: which response headers replace the token.
func TestRotationHeaders(t *testing.T) {
	for _, tc := range []struct {
		name   string
		set    func(h http.Header, newer, older string)
		adopt  string // "newer", "" (keep)
		header string
	}{
		{"x-authorization bare", func(h http.Header, n, _ string) { h.Set("X-Authorization", n) }, "newer", "X-Authorization"},
		{"authorization only", func(h http.Header, n, _ string) { h.Set("Authorization", n) }, "newer", "Authorization"},
		{"bearer any case", func(h http.Header, n, _ string) { h.Set("X-Authorization", "bEaReR "+n) }, "newer", "X-Authorization"},
		{"both: x-authorization wins", func(h http.Header, n, o string) { h.Set("X-Authorization", n); h.Set("Authorization", o) }, "newer", "X-Authorization"},
		{"empty", func(h http.Header, _, _ string) { h.Set("X-Authorization", "") }, "", ""},
		{"bearer only", func(h http.Header, _, _ string) { h.Set("X-Authorization", "Bearer ") }, "", ""},
		{"non-JWT", func(h http.Header, _, _ string) { h.Set("X-Authorization", "not-a-jwt") }, "", ""},
		{"older", func(h http.Header, _, o string) { h.Set("X-Authorization", o) }, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			f := newFakeAPI(clock)
			var newer, older string
			f.queryHook = func(w http.ResponseWriter, _ *http.Request, _ gqlBody, _ string, _ bool) bool {
				tc.set(w.Header(), newer, older)
				return false
			}
			s, _ := newTestSession(t, f, clock, nil)
			cur := mustLogin(t, s, demoCreds(f))
			newer = jwtAt(clock.Now().Add(time.Minute), time.Hour, 50)
			older = jwtAt(clock.Now().Add(-time.Minute), time.Hour, 51)
			if _, err := s.Execute(context.Background(), hello()); err != nil {
				t.Fatal(err)
			}
			got, _ := s.Token()
			want := cur.Raw()
			if tc.adopt == "newer" {
				want = newer
			}
			if got.Raw() != want {
				t.Fatalf("token fp:%s, want fp:%s", got.Fingerprint, Fingerprint(want))
			}
			if rot := eventsOf(s, Rotated); (len(rot) == 1) != (tc.adopt != "") || (len(rot) == 1 && rot[0].Header != tc.header) {
				t.Fatalf("rotation events %v", rot)
			}
		})
	}
}

func TestOfferIgnoresOtherOrigin(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, srv := newTestSession(t, f, clock, nil)
	cur := mustLogin(t, s, demoCreds(f))
	newer := jwtAt(clock.Now().Add(time.Minute), time.Hour, 9)
	u, _ := url.Parse(srv.URL)
	for _, other := range []string{"http://127.0.0.2:" + u.Port() + "/graphql", "https://" + u.Host + "/graphql", "http://127.0.0.1:1/graphql"} {
		from, _ := url.Parse(other)
		if s.offer(newer, "X-Authorization", Token{}, 1, "op", from) {
			t.Errorf("adopted a token from %s", other)
		}
	}
	if got, _ := s.Token(); got.Raw() != cur.Raw() {
		t.Fatal("token changed")
	}
	same, _ := url.Parse(srv.URL + "/other/path")
	if !s.offer(newer, "X-Authorization", Token{}, 1, "op", same) {
		t.Fatal("same origin, other path, was refused")
	}
}

// Property 5: out-of-order responses never move the token backwards, under many random
// schedules of concurrent offers; 100 goroutines also exercise the lock under -race (F19).
func TestRotationNeverGoesBackwards(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, srv := newTestSession(t, f, clock, nil)
	from, _ := url.Parse(srv.URL)
	base := clock.Now()
	for round := range 30 {
		mustLogin(t, s, demoCreds(f))
		const n = 100
		toks := make([]string, n)
		for i := range toks {
			toks[i] = jwtAt(base.Add(time.Duration(i+1)*time.Second), time.Hour, round*n+i)
		}
		order := rand.Perm(n)
		var wg sync.WaitGroup
		for _, i := range order {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.offer(toks[i], "X-Authorization", Token{}, int64(i), fmt.Sprint(i), from)
				_, _ = s.Token()
			}()
		}
		wg.Wait()
		if got, _ := s.Token(); got.Raw() != toks[n-1] {
			t.Fatalf("round %d: kept a token other than the newest", round)
		}
	}
}

// Property 5 end to end: fast T2 then slow T1 (which finishes later) → stays T2.
func TestSlowOlderRotationLoses(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	slowGo := make(chan struct{})
	slowIn := make(chan struct{})
	fastDone := make(chan struct{})
	var t1, t2 string
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, b gqlBody, _ string, _ bool) bool {
		switch b.OperationName {
		case "Slow":
			close(slowIn)
			<-slowGo
			w.Header().Set("X-Authorization", t1)
		case "Fast":
			w.Header().Set("X-Authorization", t2)
		}
		return false
	}
	s, _ := newTestSession(t, f, clock, nil)
	mustLogin(t, s, demoCreds(f))
	t1 = jwtAt(clock.Now().Add(time.Minute), time.Hour, 101)
	t2 = jwtAt(clock.Now().Add(2*time.Minute), time.Hour, 102)
	f.mu.Lock()
	f.valid[t1], f.valid[t2] = true, true
	f.mu.Unlock()
	errc := make(chan error, 1)
	go func() {
		_, err := s.Execute(context.Background(), Request{Query: "{a}", OperationName: "Slow"})
		errc <- err
	}()
	<-slowIn // T1's request is in flight before T2's starts
	go func() {
		defer close(fastDone)
		_, _ = s.Execute(context.Background(), Request{Query: "{a}", OperationName: "Fast"})
	}()
	<-fastDone
	close(slowGo)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Token(); got.Raw() != t2 {
		t.Fatal("the slower, older rotation replaced the newer one")
	}
}
