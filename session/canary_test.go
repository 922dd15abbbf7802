package session

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// memStore is an in-memory TokenStore that can be told to fail.
type memStore struct {
	mu    sync.Mutex
	saved map[string]StoredToken
	fail  error
	saves int
}

func (m *memStore) Load(ep string) (StoredToken, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return StoredToken{}, m.fail
	}
	t, ok := m.saved[ep]
	if !ok {
		return StoredToken{}, ErrNotStored
	}
	return t, nil
}

func (m *memStore) Save(ep string, t StoredToken) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.saves++
	if m.fail != nil {
		return m.fail
	}
	if m.saved == nil {
		m.saved = map[string]StoredToken{}
	}
	m.saved[ep] = t
	return nil
}

func (m *memStore) Delete(ep string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.saved, ep)
	return m.fail
}

func (m *memStore) Where() string { return "memory" }

// Property 13 (session's part): the password and the token (every segment) never reach errors,
// String/%v output, events or the exchange log.
func TestCanaryNeverLeaks(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	f.password = "pw-CANARY-7f3a9c1e5b"
	store := &memStore{}
	var tokens []string
	var rotate sync.Once
	f.queryHook = func(w http.ResponseWriter, _ *http.Request, b gqlBody, tok string, valid bool) bool {
		rotate.Do(func() {
			clock.Advance(time.Second)
			w.Header().Set("X-Authorization", "Bearer "+f.mint())
		})
		if b.OperationName == "Echo" {
			fmt.Fprintf(w, `{"errors":[{"message":"bad token %s"}],"data":null}`, tok) // a server that echoes
			return true
		}
		return false
	}
	s, _ := newTestSession(t, f, clock, func(c *Config) { c.Store = store })
	creds := Credentials{Email: "demo@example.com", Password: f.password}
	var outputs []string
	if _, err := s.Login(context.Background(), Credentials{Username: "demo", Password: "wrong-" + f.password}); err != nil {
		outputs = append(outputs, err.Error())
	}
	tok := mustLogin(t, s, creds)
	tokens = append(tokens, tok.Raw())
	res, err := s.Execute(context.Background(), Request{Query: "mutation P($password: String, $token: String) { p }", OperationName: "P",
		Variables: map[string]any{"password": f.password, "token": tok.Raw(), "note": "x"}, Mutation: true})
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Token()
	tokens = append(tokens, cur.Raw())
	if cur.Raw() == tok.Raw() {
		t.Fatal("rotation did not happen")
	}
	f.revokeAll()
	_, err = s.Execute(context.Background(), Request{Query: "{ e }", OperationName: "Echo"})
	if err != nil {
		outputs = append(outputs, err.Error(), fmt.Sprintf("%v %+v %#v", err, err, errors.Unwrap(err)))
	}
	s.Logout()
	_, err = s.Execute(context.Background(), hello())
	if err != nil {
		outputs = append(outputs, err.Error())
	}
	outputs = append(outputs, fmt.Sprintf("%v %+v %#v %s", creds, creds, creds, creds), fmt.Sprintf("%v %+v %#v", tok, cur, res.Diagnosis))
	for _, e := range s.Timeline() {
		outputs = append(outputs, e.String(), fmt.Sprintf("%+v", e))
	}
	for _, ex := range s.Exchanges() {
		js, _ := json.Marshal(ex)
		outputs = append(outputs, string(js), fmt.Sprintf("%+v", ex), string(ex.RequestBody), string(ex.ResponseBody))
	}
	all := strings.Join(outputs, "\n")
	secrets := []string{f.password, "CANARY"}
	for _, tk := range tokens {
		secrets = append(secrets, strings.Split(tk, ".")[1:]...)
	}
	for _, sec := range secrets {
		if strings.Contains(all, sec) {
			t.Fatalf("secret %.12s… leaked into output", sec)
		}
	}
	if store.saves < 2 {
		t.Fatalf("store saves = %d, want login + rotation", store.saves)
	}
	if _, ok := store.saved[s.Endpoint()]; ok {
		t.Fatal("Logout left the stored token")
	}
	if s.HasCredentials() {
		t.Fatal("Logout kept the credentials")
	}
}

func TestStoreRestoreAndFailures(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	store := &memStore{}
	s, _ := newTestSession(t, f, clock, func(c *Config) { c.Store = store })
	tok := mustLogin(t, s, demoCreds(f))
	if st := store.saved[s.Endpoint()]; st.Identity != "demo" || st.Token != tok.Raw() {
		t.Fatalf("stored %v", st)
	}
	s2, err := New(Config{Endpoint: s.Endpoint(), Clock: clock, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, ok := s2.Restore("someone-else"); ok {
		t.Fatal("restored another identity's token")
	}
	got, ok := s2.Restore("demo")
	if !ok || got.Raw() != tok.Raw() || got.Source != "stored" {
		t.Fatalf("restore: %v %v", got, ok)
	}
	clock.Advance(time.Hour)
	if _, ok := s2.Restore(""); ok {
		t.Fatal("restored an expired token")
	}
	store.fail = errors.New("keyring locked; value " + tok.Raw())
	clock.Advance(time.Minute)
	mustLogin(t, s, demoCreds(f)) // save fails: not fatal
	ev := eventsOf(s, StoreFailed)
	if len(ev) != 1 || strings.Contains(ev[0].Message, strings.Split(tok.Raw(), ".")[1]) {
		t.Fatalf("StoreFailed events %v", ev)
	}
}

func TestEventsNeverBlock(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, func(c *Config) { c.EventBuffer = 2; c.TimelineSize = 3 })
	for range 5 {
		mustLogin(t, s, demoCreds(f))
	}
	if s.DroppedEvents() != 3 || len(s.Timeline()) != 3 {
		t.Fatalf("dropped %d timeline %d", s.DroppedEvents(), len(s.Timeline()))
	}
	if e := <-s.Events(); e.Kind != LoggedIn {
		t.Fatalf("event %v", e)
	}
	s.Close()
	for range s.Events() { // drains and ends: Close closed the channel
	}
	if _, err := s.Execute(context.Background(), hello()); !errors.Is(err, ErrClosed) {
		t.Fatalf("after Close: %v", err)
	}
}

func TestExchangeLogBounded(t *testing.T) {
	clock := newFakeClock()
	f := newFakeAPI(clock)
	s, _ := newTestSession(t, f, clock, func(c *Config) { c.ExchangeLogSize = 3; c.ExchangeBodyLimit = 10 })
	mustLogin(t, s, demoCreds(f))
	for range 4 {
		if _, err := s.Execute(context.Background(), hello()); err != nil {
			t.Fatal(err)
		}
	}
	ex := s.Exchanges()
	if len(ex) != 3 || ex[0].ID != 3 || ex[2].ID != 5 {
		t.Fatalf("ids %d..%d (%d)", ex[0].ID, ex[len(ex)-1].ID, len(ex))
	}
	if !ex[2].Truncated || len(ex[2].ResponseBody) != 10 || ex[2].Size != 26 || ex[2].Operation != "Hello" || ex[2].SentFingerprint == "" {
		t.Fatalf("exchange %+v", ex[2])
	}
}
