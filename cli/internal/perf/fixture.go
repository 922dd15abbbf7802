// Package perf holds what `make perf` needs besides the explorer: the 20 MB fixture the driver
// serves, and (under cmd/) the anchor programs it measures the explorer against.
package perf

import (
	"bytes"
	"strconv"
)

// FixtureItems is the number of items in the fixture: about 20 MB, as in performance.md.
const FixtureItems = 80_000

// FirstItemMarker is text from the fixture's first item: a screen showing it shows the result.
const FirstItemMarker = "item number 0"

// Fixture builds the ~20 MB compact GraphQL response of performance.md: n items of about 250 B
// with nested objects, lists, floats and booleans, and an extensions.cost block (the same shape as
// the session's 20 MB benchmark).
func Fixture(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 270)
	b.WriteString(`{"data":{"perfItems":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id, m := strconv.Itoa(i), strconv.Itoa(i%97)
		b.WriteString(`{"id":` + id + `,"name":"item number ` + id + `","price":` + strconv.Itoa(i%1000) + `.25`)
		b.WriteString(`,"active":true,"tags":["alpha","beta","gamma"],"owner":{"id":` + m + `,"email":"user` + m)
		b.WriteString(`@example.com","score":0.` + id + `},"note":"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore"}`)
	}
	b.WriteString(`]},"extensions":{"cost":{"actualQueryCost":80000,"throttleStatus":{"maximumAvailable":8000,"currentlyAvailable":0}}}}`)
	return b.Bytes()
}
