package results

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
)

// maxColumnWidth caps a column's width in cells; longer cells are cut.
const maxColumnWidth = 40

// TableKeyMap lists the keys of the table view. It implements help.KeyMap.
type TableKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Left, Right                             key.Binding // select the previous or next column
	Sort                                    key.Binding // sort by the selected column; again reverses
	CopyCSV, CopyTSV                        key.Binding
	Write                                   key.Binding // write the table to a CSV file
	Close                                   key.Binding
}

// DefaultTableKeyMap returns the table view's bindings.
func DefaultTableKeyMap() TableKeyMap {
	return TableKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "row up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "row down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first row")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last row")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "column left")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "column right")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by column")),
		CopyCSV:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy CSV")),
		CopyTSV:  key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy TSV")),
		Write:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write CSV file")),
		Close:    key.NewBinding(key.WithKeys("esc", "t"), key.WithHelp("esc/t", "back to JSON")),
	}
}

// ShortHelp implements help.KeyMap.
func (k TableKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Right, k.Sort, k.CopyCSV, k.Close}
}

// FullHelp implements help.KeyMap.
func (k TableKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Left, k.Right, k.Sort},
		{k.CopyCSV, k.CopyTSV, k.Write, k.Close},
	}
}

// tableView shows a table: a header, rows, and a status line. Only the
// visible rows and columns are rendered.
type tableView struct {
	t      *table
	widths []int // display width of every column
	order  []int32
	keys   TableKeyMap
	styles *Styles
	clip   func(string) error

	width, height int
	row, col      int // the selected row (index into order) and column
	top, left     int // first visible row and column

	sortCol  int // -1: as received
	desc     bool
	sortID   int // stale sort results are dropped
	sorting  bool
	closeReq bool // the user asked to go back to the JSON
}

// tableSortedMsg carries a new row order from a sort command.
type tableSortedMsg struct {
	t     *table
	id    int
	order []int32
}

// tableReadyMsg carries a table built in a command (or why it could not be).
type tableReadyMsg struct {
	doc *Document
	t   *table
	err error
}

// newTableView lays out t; widths come from every cell, once.
func newTableView(t *table, k TableKeyMap, st *Styles, clip func(string) error) tableView {
	w := make([]int, len(t.cols))
	for j, c := range t.cols {
		w[j] = min(maxColumnWidth, ansi.StringWidth(display.Line(c))+1) // +1: the sort arrow
	}
	for _, r := range t.rows {
		for j, c := range r {
			if w[j] < maxColumnWidth {
				w[j] = min(maxColumnWidth, max(w[j], ansi.StringWidth(display.Line(c))))
			}
		}
	}
	return tableView{t: t, widths: w, order: t.order, keys: k, styles: st, clip: clip, sortCol: -1}
}

// SetSize sets the view's size in cells.
func (v tableView) SetSize(w, h int) tableView {
	v.width, v.height = max(0, w), max(0, h)
	v.clamp()
	return v
}

// The table view keeps the contract of every pane.
var _ common.Pane[tableView] = tableView{}

func (v tableView) bodyRows() int { return max(1, v.height-2) } // header and status line

func (v *tableView) clamp() {
	if v.t == nil {
		return
	}
	n := len(v.order)
	v.row = min(max(0, v.row), max(0, n-1))
	v.col = min(max(0, v.col), max(0, len(v.t.cols)-1))
	v.top = common.KeepVisible(v.row, v.top, v.bodyRows(), n)
	if v.col < v.left {
		v.left = v.col
	}
	for v.left < v.col && v.span(v.left, v.col) > v.width-2 {
		v.left++
	}
}

// span is the width of columns a..b with their separators.
func (v tableView) span(a, b int) int {
	w := 0
	for j := a; j <= b; j++ {
		w += v.widths[j] + 2
	}
	return w
}

// Help returns the table's keys.
func (v tableView) Help() help.KeyMap { return v.keys }

// Update handles the table's keys and sort results.
func (v tableView) Update(msg tea.Msg) (tableView, tea.Cmd) {
	switch msg := msg.(type) {
	case tableSortedMsg:
		if msg.t == v.t && msg.id == v.sortID {
			v.order, v.sorting = msg.order, false
		}
		return v, nil
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				v.row -= wheelLines
			case tea.MouseButtonWheelDown:
				v.row += wheelLines
			}
			v.clamp()
		}
		return v, nil
	case tea.KeyMsg:
		k := v.keys
		page := v.bodyRows()
		switch {
		case key.Matches(msg, k.Up):
			v.row--
		case key.Matches(msg, k.Down):
			v.row++
		case key.Matches(msg, k.PageUp):
			v.row -= page
		case key.Matches(msg, k.PageDown):
			v.row += page
		case key.Matches(msg, k.Top):
			v.row = 0
		case key.Matches(msg, k.Bottom):
			v.row = len(v.order) - 1
		case key.Matches(msg, k.Left):
			v.col--
		case key.Matches(msg, k.Right):
			v.col++
		case key.Matches(msg, k.Sort):
			return v.sort()
		case key.Matches(msg, k.CopyCSV):
			return v, copyCmd(v.clip, v.text(','), "the table as CSV")
		case key.Matches(msg, k.CopyTSV):
			return v, copyCmd(v.clip, v.text('\t'), "the table as TSV")
		case key.Matches(msg, k.Close):
			v.closeReq = true
		}
		v.clamp()
	}
	return v, nil
}

// sort orders the rows by the selected column (ascending, then descending
// on the same column) in a command: 80,000 rows take longer than a frame.
func (v tableView) sort() (tableView, tea.Cmd) {
	if len(v.t.cols) == 0 {
		return v, nil
	}
	if v.sortCol == v.col {
		v.desc = !v.desc
	} else {
		v.sortCol, v.desc = v.col, false
	}
	v.sortID++
	v.sorting = true
	t, col, desc, id := v.t, v.col, v.desc, v.sortID
	return v, func() tea.Msg { return tableSortedMsg{t: t, id: id, order: sortedOrder(t, col, desc)} }
}

// sortedOrder is the row order by column col; stable, so equal cells keep
// the server's order.
func sortedOrder(t *table, col int, desc bool) []int32 {
	keys := make([]sortKey, len(t.rows))
	for i, r := range t.rows {
		keys[i] = keyOf(r[col])
	}
	order := make([]int32, len(t.rows))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		c := keys[a].compare(keys[b])
		if desc && !keys[a].empty && !keys[b].empty {
			c = -c
		}
		return c
	})
	return order
}

// text is the table in the view's order as CSV (sep ',') or TSV.
func (v tableView) text(sep rune) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = sep
	write := func(rec []string) {
		if len(rec) == 1 && rec[0] == "" {
			// encoding/csv writes a lone empty field as a blank line, which
			// readers skip: the row would vanish. Quote it.
			w.Flush()
			b.WriteString("\"\"\n")
			return
		}
		_ = w.Write(rec)
	}
	write(v.t.cols)
	for _, i := range v.order {
		write(v.t.rows[i])
	}
	w.Flush()
	return b.String()
}

// View renders the header, the visible rows and a status line.
func (v tableView) View() string {
	if v.t == nil || v.width <= 0 || v.height <= 0 {
		return ""
	}
	st := v.styles
	lines := make([]string, 0, v.height)
	var hdr strings.Builder
	hdr.WriteString("  ")
	for j := v.left; j < len(v.t.cols); j++ {
		name := display.Line(v.t.cols[j])
		if j == v.sortCol {
			if v.desc {
				name += "▼"
			} else {
				name += "▲"
			}
		}
		cellText := padCell(name, v.widths[j])
		if j == v.col {
			cellText = st.ErrorSelected.Render(cellText)
		} else {
			cellText = st.Title.Render(cellText)
		}
		hdr.WriteString(cellText + "  ")
		if ansi.StringWidth(hdr.String()) >= v.width {
			break
		}
	}
	lines = append(lines, ansi.Truncate(hdr.String(), v.width, "…"))
	for r := v.top; r < min(len(v.order), v.top+v.bodyRows()); r++ {
		var b strings.Builder
		if r == v.row {
			b.WriteString(st.Cursor.Render(cursorMark) + " ")
		} else {
			b.WriteString("  ")
		}
		row := v.t.rows[v.order[r]]
		for j := v.left; j < len(row); j++ {
			b.WriteString(padCell(display.Line(row[j]), v.widths[j]) + "  ")
			if b.Len() > v.width*4 {
				break
			}
		}
		lines = append(lines, ansi.Truncate(strings.TrimRight(b.String(), " "), v.width, "…"))
	}
	for len(lines) < v.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, st.Footer.Render(ansi.Truncate(v.status(), v.width, "…")))
	return strings.Join(lines[:v.height], "\n")
}

// status is "table data.Cards.data · row 3/80,000 · col 2/5 balance · sorted ▲".
func (v tableView) status() string {
	parts := []string{"table " + display.Line(v.t.title)}
	if n := len(v.order); n > 0 {
		parts = append(parts, "row "+strconv.Itoa(v.row+1)+"/"+groupThousands(n))
	} else {
		parts = append(parts, "no rows")
	}
	if len(v.t.cols) > 0 {
		parts = append(parts, "col "+strconv.Itoa(v.col+1)+"/"+strconv.Itoa(len(v.t.cols))+" "+display.Line(v.t.cols[v.col]))
	}
	if v.sorting {
		parts = append(parts, "sorting…")
	}
	return strings.Join(parts, " · ")
}

// padCell cuts or pads s to exactly w cells.
func padCell(s string, w int) string {
	if sw := ansi.StringWidth(s); sw > w {
		return ansi.Truncate(s, w, "…")
	} else if sw < w {
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}
