package mockapi

import (
	"math/rand/v2"
	"net/http"
	"sync"
)

// fault is what the injector decided for one request.
type fault int

const (
	faultNone     fault = iota
	faultBadGate        // answer an HTML 502 page, as a proxy in front of the API would
	faultTruncate       // cut the body in half under a Content-Length that promises all of it
)

// badGatewayPage is what nginx-style proxies answer when the upstream is down.
const badGatewayPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
	"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

// faults draws fault decisions from a seeded RNG, so a sequential test sees the same
// faults on every run. Only requests that reach the GraphQL handler draw, and only while a
// rate is non-zero, so the sequence does not shift when faults are off.
type faults struct {
	mu   sync.Mutex
	seed int64
	rng  *rand.Rand
}

func newFaults(seed int64) *faults {
	return &faults{seed: seed, rng: rand.New(rand.NewPCG(uint64(seed), 0x70991e))}
}

// reseed restarts the sequence when the configured seed changes.
func (f *faults) reseed(seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if seed != f.seed {
		f.seed = seed
		f.rng = rand.New(rand.NewPCG(uint64(seed), 0x70991e))
	}
}

func (f *faults) draw(failureRate, truncateRate float64) fault {
	if failureRate == 0 && truncateRate == 0 {
		return faultNone
	}
	f.mu.Lock()
	x := f.rng.Float64()
	f.mu.Unlock()
	switch {
	case x < failureRate:
		return faultBadGate
	case x < failureRate+truncateRate:
		return faultTruncate
	}
	return faultNone
}

func writeBadGateway(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusBadGateway)
	_, _ = w.Write([]byte(badGatewayPage))
}
