package cli

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/page"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// runPages is run --paginate: it sends the operation with $page (or its
// page: literal rewritten) from the one asked for (1 by default) up to the last page the list reports
// (ceil(total / per_page)), or maxPages pages, and prints the pages merged
// (page.Merge: the first response with every page's items in its list).
// Each page is one request in the history, with its own timeout. A page
// that fails stops the walk: the pages fetched before it are printed, and
// the exit code is that page's.
func (c *program) runPages(sess *session.Session, tgt *target, in runInput, f commonFlags, out outputOptions, maxPages int) int {
	cur := page.Current(in.op, in.vars)
	useVar := page.Variable(in.op)
	litStart, litEnd, litPage, _ := pageLiteral(in)
	if !useVar {
		cur = litPage
	}
	var bodies [][]byte
	var info page.Info
	progress := func(s string) {
		if lw, ok := c.stderr.(*lockedWriter); ok && c.stderrTTY && lw.raw != nil {
			lw.rewriteLine(s)
		}
	}
	defer progress("")
	for n := 1; ; n++ {
		vars := maps.Clone(in.vars)
		if vars == nil {
			vars = map[string]any{}
		}
		text := in.text
		if useVar {
			vars[page.VarName] = cur
		} else {
			text = page.SetLiteral(in.text, litStart, litEnd, cur)
		}
		req := session.Request{Query: text, OperationName: in.op.Name, Variables: vars, Mutation: in.op.Kind == query.Mutation,
			Headers: in.hdr}
		progress(fmt.Sprintf("fetching page %d…", cur))
		res, err := c.sendPage(sess, tgt, in.op, req, f)
		if code := c.runOutcome(res, err); code != exitOK {
			progress("")
			if len(bodies) == 0 {
				if res != nil && len(res.Body) > 0 {
					c.emit(c.context(), res.Body, res.EnvelopeErr == nil, out)
				}
				return code
			}
			printLine(c.stderr, "toggle-explorer: page %d failed; printing the %d pages before it", cur, len(bodies))
			c.emitMerged(bodies, info, out)
			return code
		}
		found, ok := page.Find(res.Body, cur)
		if !ok {
			progress("")
			if len(bodies) == 0 {
				printLine(c.stderr, "toggle-explorer: --paginate: the response has no paginated list ({data, total, per_page}); printing it as it is")
				return c.emit(c.context(), res.Body, res.EnvelopeErr == nil, out)
			}
			return c.errorf(exitTransport, "run: --paginate: page %d has no paginated list", cur)
		}
		info = found
		bodies = append(bodies, res.Body)
		progress(fmt.Sprintf("%s fetched", info))
		if info.Last() {
			break
		}
		if n >= maxPages {
			progress("")
			printLine(c.stderr, "toggle-explorer: stopped after %d pages (--max-pages); the list has %d", n, info.Pages)
			break
		}
		cur = info.Current + 1
	}
	progress("")
	return c.emitMerged(bodies, info, out)
}

// sendPage sends one page's request with its own timeout and records it.
func (c *program) sendPage(sess *session.Session, tgt *target, op query.Operation, req session.Request, f commonFlags) (*session.Result, error) {
	ctx, cancel := context.WithTimeout(c.context(), f.timeout)
	defer cancel()
	started := time.Now()
	res, err := sess.Execute(ctx, req)
	if !f.noHistory && !f.demo { // as in run: the demo's pages stay out of the real history
		entry := sess.HistoryEntry(op, req, started, res, err)
		entry.Profile = tgt.profileName
		if herr := history.New(tgt.paths.historyFile(), 0).Append(entry); herr != nil {
			printLine(c.stderr, "toggle-explorer: history not written: %v", herr)
		}
	}
	return res, err
}

// emitMerged prints the pages merged into one response.
func (c *program) emitMerged(bodies [][]byte, info page.Info, out outputOptions) int {
	merged, err := page.Merge(bodies, info.Path)
	if err != nil {
		return c.errorf(exitTransport, "run: --paginate: %v", err)
	}
	return c.emit(c.context(), merged, true, out)
}

// pageLiteral finds a page: N literal in the operation as it is sent (the extracted text, where
// the operation's position differs from the file's).
func pageLiteral(in runInput) (start, end, n int, ok bool) {
	doc, err := query.Parse(in.text)
	if err != nil {
		return 0, 0, 0, false
	}
	op, err := doc.Select(in.op.Name)
	if err != nil {
		return 0, 0, 0, false
	}
	return page.Literal(in.text, op)
}
