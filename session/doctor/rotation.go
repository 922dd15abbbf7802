package doctor

import (
	"context"
	"sort"
)

// minAuthorized is how many accepted authorized requests the rotation section wants to see, and
// maxExtra how many it may add to the header-form probes to get there.
const (
	minAuthorized = 3
	maxExtra      = 2
)

// observe records an accepted authorized answer to a request that carried sent: a new token in
// its headers is a rotation, adopted as the newest token.
func (r *run) observe(a answer, n int, sent string) {
	st := r.rot
	st.rot.Authorized++
	st.lastAt = a.received
	raw, headers, bearer, _ := offered(a.header)
	if raw == "" || raw == sent {
		return
	}
	st.rot.Rotations++
	if st.rot.FirstRequest == 0 {
		st.rot.FirstRequest, st.rot.FirstAge = n, Duration(a.received.Sub(r.tokAt))
	}
	for _, h := range headers {
		st.headers[h] = true
	}
	st.rot.Bearer = st.rot.Bearer || bearer
	st.old, st.supersededAt = sent, a.received
	r.tok, r.tokAt = raw, a.received
}

// rotation sends a few more authorized queries in the accepted form, then presents the token
// most recently superseded once more: still accepted means a grace period (or no revocation),
// refused means strict revocation.
func (r *run) rotation(ctx context.Context, form headerForm) {
	st := r.rot
	for extra := 0; st.rot.Authorized < minAuthorized && extra < maxExtra; extra++ {
		sent := r.tok
		a, n, err := r.send(ctx, "authorized query", probeQuery, nil, form.value(sent), form.text(sent))
		if err != nil || !a.accepted() {
			break
		}
		r.observe(a, n, sent)
	}
	if st.old != "" {
		a, n, err := r.send(ctx, "previous token once more", probeQuery, nil, form.value(st.old), form.text(st.old))
		st.rot.OldChecked, st.rot.OldRequest = err == nil, n
		if err == nil {
			st.rot.OldAccepted, st.rot.OldStatus = a.accepted(), a.status
			st.rot.OldAge = Duration(a.received.Sub(st.supersededAt))
		}
	}
	st.rot.Every = st.rot.Authorized > 0 && st.rot.Rotations == st.rot.Authorized
	if !st.lastAt.IsZero() {
		st.rot.Observed = Duration(st.lastAt.Sub(r.loginAt))
	}
	st.rot.Headers = sortedHeaders(st.headers)
	rot := st.rot
	r.rep.Rotation = &rot
}

// sortedHeaders lists X-Authorization before Authorization.
func sortedHeaders(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] > out[j] }) // "X-…" sorts after "A…"
	return out
}
