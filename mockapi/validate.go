package mockapi

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// supportedCurrency is the only currency the demo accounts trade in.
const supportedCurrency = "GBP"

// deref returns *p, or "" for nil: an empty optional string counts as absent.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func checkMerchant(v validationErrors, field string, id int32) {
	if !merchantIDs[id] {
		v.add(field, msgInvalidSelection)
	}
}

// checkCurrency requires currency (the docs' createBalanceAdjustment example) and knows only GBP.
func checkCurrency(v validationErrors, currency *string) {
	switch c := deref(currency); {
	case c == "":
		v.add("currency", msgRequired)
	case c != supportedCurrency:
		v.add("currency", msgInvalidSelection)
	}
}

// pageArgs resolves page (default 1) and limit (default 10, at most 100), reporting bad values.
func pageArgs(page, limit *int32) (p, l int, err error) {
	v := validationErrors{}
	p, l = 1, defaultPageSize
	if page != nil {
		if p = int(*page); p < 1 {
			v.add("page", "The page must be at least 1")
		}
	}
	if limit != nil {
		if l = int(*limit); l < 1 || l > maxPageSize {
			v.add("limit", fmt.Sprintf("The limit must be between 1 and %d", maxPageSize))
		}
	}
	return p, l, v.err()
}

// parseTime reads a UTC `Y-m-d H:i:s` string.
func parseTime(s string) (time.Time, bool) {
	t, err := time.ParseInLocation(timeLayout, strings.TrimSpace(s), time.UTC)
	return t, err == nil
}

// addFits reports whether a+b stays within the GraphQL Int range (32-bit).
func addFits(a, b int32) bool {
	sum := int64(a) + int64(b)
	return sum >= math.MinInt32 && sum <= math.MaxInt32
}

// validEmail is a deliberately loose check: one @ with text on both sides.
func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && strings.Count(s, "@") == 1 && !strings.ContainsAny(s, " \t\r\n")
}
