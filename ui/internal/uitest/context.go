package uitest

import (
	"time"

	"github.com/toggle-explorer/toggle-explorer/themes"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// NewContext returns the context a component gets from the root, with the default theme and the
// last tick at now, so views that show ages or times are the same on every run.
func NewContext(now time.Time) *common.Context {
	ctx := common.NewContext(themes.Default())
	ctx.Now = now
	return ctx
}
