package ui

import (
	"errors"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// Every report reaches the notice line the same way: marked by its kind, escaped, coloured.
func TestReportsMarkEscapeAndColourTheNotice(t *testing.T) {
	f := newFixture(t, mockapi.DemoPassword)
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	for _, c := range []struct {
		msg  any
		text string
		kind noticeKind
	}{
		{common.ErrorMsg{What: "not saved", Err: errors.New("disk full\x1b[2J")}, "✗ not saved: disk full\\x1b[2J", noticeError},
		{common.ErrorMsg{Err: errors.New("refused")}, "✗ refused", noticeError},
		{common.InfoMsg{Text: "saved a", Tone: common.Success}, "✓ saved a", noticeGood},
		{common.InfoMsg{Text: "history is off", Tone: common.Warning}, "⚠ history is off", noticeWarn},
		{common.InfoMsg{Text: "fetching\r"}, "fetching\\r", noticeInfo},
	} {
		d.send(c.msg)
		if d.m.notice.text != c.text || d.m.notice.kind != c.kind {
			t.Errorf("%#v: notice %q (kind %d), want %q (kind %d)", c.msg, d.m.notice.text, d.m.notice.kind, c.text, c.kind)
		}
	}
}
