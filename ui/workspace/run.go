package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/headers"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/page"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/ui/editor"
	"github.com/toggle-explorer/toggle-explorer/ui/results"
	"github.com/toggle-explorer/toggle-explorer/ui/statusbar"
)

// RunFinishedMsg carries a finished request back to the workspace. ID ties it to the request that
// started it: a result for anything but the latest request is dropped.
type RunFinishedMsg struct {
	ID       int
	Doc      *results.Document
	Last     statusbar.LastRequest
	Replayed bool
	// HistoryErr says the execution could not be recorded (shown as a notice, never fatal).
	HistoryErr error

	// rest is set when Doc holds only the first lines of a large body: the whole document is
	// prepared next, off the UI goroutine, and arrives as a DocumentReadyMsg.
	rest *restOfDocument
}

// restOfDocument is what the whole document is prepared from after its first screen is shown.
type restOfDocument struct {
	body []byte
	meta results.Meta
}

// DocumentReadyMsg carries the whole document of a large result whose first lines are on show.
type DocumentReadyMsg struct {
	ID  int
	Doc *results.Document
}

// headLines is how much of a large result is prepared first: more than any screen shows.
const headLines = 400

// prepareRestCmd indents and indexes the whole of a large body.
func prepareRestCmd(id int, r *restOfDocument) tea.Cmd {
	return func() tea.Msg { return DocumentReadyMsg{ID: id, Doc: results.Prepare(r.body, r.meta)} }
}

// prepared is a request that passed every local check and can be sent.
type prepared struct {
	req        session.Request
	op         query.Operation
	extraction query.Extraction
	opLabel    string
	paged      bool // the operation steps pages with $page or a page: literal
	page       int  // the page it asks for
}

// prepare checks the document and the variables without sending anything. On a problem it returns
// a results document explaining it (with positions the editor can jump to) and the diagnostics to
// underline.
func (m Model) prepare() (prepared, *results.Document, []editor.Diagnostic) {
	var p prepared
	doc, err := query.Parse(m.editor.Value())
	var syntax *query.SyntaxError
	if errors.As(err, &syntax) {
		return p, notSent("the query has a syntax error", results.ErrorItem{
				Message: syntax.Message, Line: syntax.Line, Column: syntax.Column}),
			[]editor.Diagnostic{{Line: syntax.Line, Column: syntax.Column, Message: syntax.Message}}
	}
	if err != nil {
		return p, notSent(err.Error()), nil
	}
	op := operationNear(doc, m.editor.CursorOffset())
	vars, err := query.ParseVariablesJSON(m.vars.Value())
	if err != nil {
		return p, notSent("the variables are not valid JSON: " + err.Error()), nil
	}
	// The profile's default variables sit under the pane's. Variables the operation does not
	// declare (a variables pane shared by several operations) are left out, as servers ignore
	// them anyway.
	if len(m.profile.Variables) > 0 {
		vars = query.MergeVars(m.profile.Variables, vars)
	}
	vars, _ = query.DeclaredOnly(op, query.CoerceVariables(op, vars))
	if problems := query.CheckVariables(op, vars); len(problems) > 0 {
		items := make([]results.ErrorItem, len(problems))
		for i, pr := range problems {
			items[i] = results.ErrorItem{Message: pr.String()}
		}
		return p, notSent("the variables do not fit the operation", items...), nil
	}
	ext, err := doc.ExtractMapped(op)
	if err != nil {
		return p, notSent(err.Error()), nil
	}
	hs, problem := m.requestHeaders()
	if problem != nil {
		return p, problem, nil
	}
	p.req = session.Request{Query: ext.Text, OperationName: op.Name, Variables: vars, Mutation: op.Kind == query.Mutation}
	p.req.Headers, _ = headers.HTTP(hs)
	p.op, p.extraction = op, ext
	if page.Variable(op) {
		p.paged, p.page = true, page.Current(op, vars)
	} else if _, _, n, ok := page.Literal(m.editor.Value(), op); ok {
		p.paged, p.page = true, n
	}
	p.opLabel = op.Name
	if p.opLabel == "" {
		p.opLabel = "anonymous " + op.Kind.String()
	}
	return p, nil, nil
}

// operationNear picks the operation to run: the one under the cursor, else the first one after it
// (a cursor in the comment above an operation means that operation), else the last one.
func operationNear(doc *query.Document, offset int) query.Operation {
	if op, ok := doc.OperationAt(offset); ok {
		return op
	}
	for _, op := range doc.Operations {
		if op.StartOffset >= offset {
			return op
		}
	}
	return doc.Operations[len(doc.Operations)-1]
}

// notSent is a results document for a request stopped before the network.
func notSent(reason string, errs ...results.ErrorItem) *results.Document {
	return results.Prepare(nil, results.Meta{Notice: "Not sent: " + reason, Errors: errs})
}

// runCmd sends the request and prepares its result for display, all off the UI goroutine. Every
// input is captured before the closure is built.
func runCmd(ctx context.Context, sess *session.Session, history *history.Log, profile string, id int, p prepared) tea.Cmd {
	return func() tea.Msg {
		started := time.Now()
		res, err := sess.Execute(ctx, p.req)
		msg := RunFinishedMsg{ID: id}
		if history != nil {
			entry := sess.HistoryEntry(p.op, p.req, started, res, err)
			entry.Profile = profile
			msg.HistoryErr = history.Append(entry)
		}
		msg.Last.At = time.Now()
		msg.Last.Duration = msg.Last.At.Sub(started)
		meta := results.Meta{}
		var body []byte
		if res != nil {
			body = res.Body
			meta.Status, meta.Duration, meta.Size = res.Status, res.Duration, res.Size
			meta.ContentType = res.Header.Get("Content-Type")
			meta.Errors = errorItems(res.Envelope.Errors, p.extraction)
			msg.Last.Status, msg.Last.Duration = res.Status, res.Duration
			msg.Replayed = res.Replayed
			if res.Diagnosis != nil {
				meta.Diagnosis = res.Diagnosis.String()
			}
			if res.EnvelopeErr != nil {
				meta.Notice = res.EnvelopeErr.Error()
			}
		}
		msg.Last.Outcome = session.Outcome(res, err)
		switch {
		case errors.Is(err, context.Canceled):
			meta.Notice = "Cancelled; nothing more will be shown for this request"
		case err != nil && meta.Diagnosis == "":
			meta.Notice = err.Error()
		}
		meta.Page = pageOf(p, body)
		// A large JSON result (the session has validated it) shows its first screen at once; the
		// whole document, ~100 ms for 20 MB, follows.
		if res != nil && res.EnvelopeErr == nil && results.NeedsHead(body) {
			msg.Doc = results.PrepareHead(body, meta, headLines)
			if msg.Doc.Partial() {
				msg.rest = &restOfDocument{body: body, meta: meta}
			}
			return msg
		}
		msg.Doc = results.Prepare(body, meta)
		return msg
	}
}

// errorItems converts the server's errors for the results pane, mapping positions in the document
// as sent back to the editor's text.
func errorItems(errs []session.GraphQLError, ext query.Extraction) []results.ErrorItem {
	items := make([]results.ErrorItem, 0, len(errs))
	for _, e := range errs {
		item := results.ErrorItem{Message: e.Message, CustomerFacing: e.CustomerFacing, Validation: e.Validation}
		if len(e.Locations) > 0 {
			line, col := e.Locations[0].Line, e.Locations[0].Column
			if l, c, ok := ext.OriginalPosition(line, col); ok {
				line, col = l, c
			}
			item.Line, item.Column = line, col
		}
		if len(e.Path) > 0 {
			parts := make([]string, len(e.Path))
			for i, p := range e.Path {
				parts[i] = fmt.Sprint(p)
			}
			item.Path = strings.Join(parts, ".")
		}
		items = append(items, item)
	}
	return items
}

// pageOf says which page of its list a response is, when the operation has a $page variable or a
// page: literal to step with (page.Find; decoding costs little next to the request, and lists are
// at most 100 items a page).
func pageOf(p prepared, body []byte) results.PageInfo {
	if len(body) == 0 || !p.paged {
		return results.PageInfo{}
	}
	info, ok := page.Find(body, p.page)
	if !ok {
		return results.PageInfo{}
	}
	return results.PageInfo{Current: info.Current, Pages: info.Pages}
}

// gotoPage asks for page n and runs the query again (] and [ in results): it sets $page in the
// variables pane, or rewrites the operation's page: literal in the editor (one undo step).
func (m Model) gotoPage(n int) (Model, tea.Cmd) {
	if n < 1 || m.running != nil {
		return m, nil
	}
	text := m.editor.Value()
	doc, err := query.Parse(text)
	if err != nil {
		return m, nil
	}
	op := operationNear(doc, m.editor.CursorOffset())
	if !page.Variable(op) {
		start, end, _, ok := page.Literal(text, op)
		if !ok {
			return m, nil
		}
		m.editor = m.editor.ReplaceRange(start, end, strconv.Itoa(n), -1)
		return m.run()
	}
	vars, err := query.ParseVariablesJSON(m.vars.Value())
	if err != nil {
		return m, nil // run would say the same; the user sees the variables pane
	}
	if vars == nil {
		vars = map[string]any{}
	}
	vars[page.VarName] = n
	varsText, err := json.MarshalIndent(vars, "", "  ")
	if err != nil {
		return m, nil
	}
	m.vars = m.vars.SetValue(string(varsText))
	return m.run()
}
