package uitest

import (
	"testing"
	"time"
)

func TestNewContextIsAtNow(t *testing.T) {
	now := time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)
	ctx := NewContext(now)
	if !ctx.Now.Equal(now) {
		t.Fatalf("Now = %v, want %v", ctx.Now, now)
	}
	if ctx.Theme == nil || ctx.Styles == nil {
		t.Fatal("the context has no theme or styles")
	}
	if a, b := NewContext(now), NewContext(now); a == b {
		t.Fatal("two calls share one context; a test changing its own would change the other's")
	}
}
