package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
	"github.com/toggle-explorer/toggle-explorer/ui/builder"
	"github.com/toggle-explorer/toggle-explorer/ui/common"
	"github.com/toggle-explorer/toggle-explorer/ui/docs"
	"github.com/toggle-explorer/toggle-explorer/ui/workspace"
)

// schemaLoadedMsg delivers a schema for the session of generation gen. source says where it came
// from ("schema file", "cache from 3h ago", "introspection").
type schemaLoadedMsg struct {
	gen    int
	schema *schema.Schema
	source string
}

// schemaFailedMsg says why no (fresh) schema could be had. The app keeps working without one.
type schemaFailedMsg struct {
	gen    int
	reason string
}

// introspectTimeout bounds the background introspection.
const introspectTimeout = 60 * time.Second

// loadSchemaCmd gets the schema in the background, never in front of the first frame: from the
// --schema file when given; otherwise from the cache at once (if any), then fresh by introspection
// with the session's token, refreshing the cache.
func loadSchemaCmd(gen int, sess *session.Session, file string, cache *schema.Cache, useCache bool) tea.Cmd {
	if file != "" {
		return func() tea.Msg {
			s, err := schema.LoadFile(file)
			if err != nil {
				return schemaFailedMsg{gen: gen, reason: err.Error()}
			}
			return schemaLoadedMsg{gen: gen, schema: s, source: "schema file"}
		}
	}
	endpoint := sess.Endpoint()
	cached := func() tea.Msg {
		if cache == nil || !useCache {
			return nil
		}
		s, saved, err := cache.Load(endpoint)
		if err != nil {
			return nil // nothing cached yet, or unreadable: introspection follows anyway
		}
		return schemaLoadedMsg{gen: gen, schema: s, source: "cache from " + saved.Format("2006-01-02 15:04")}
	}
	fresh := func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), introspectTimeout)
		defer cancel()
		s, raw, err := sess.Introspect(ctx)
		if err != nil {
			return schemaFailedMsg{gen: gen, reason: err.Error()}
		}
		if cache != nil {
			_ = cache.Save(endpoint, raw) // a cache that cannot be written only costs the next start
		}
		return schemaLoadedMsg{gen: gen, schema: s, source: "introspection"}
	}
	return tea.Sequence(cached, fresh)
}

// applySchema installs a loaded schema for the workspace and the docs browser.
func (m *Model) applySchema(msg schemaLoadedMsg) tea.Cmd {
	if msg.gen != m.sessGen {
		return nil
	}
	m.schema, m.schemaNote = msg.schema, ""
	cmd := tea.Batch(m.workspace.SetSchema(msg.schema),
		m.eachInactiveTab(func(ws *workspace.Model) tea.Cmd { return ws.SetSchema(msg.schema) }))
	if d, ok := common.Unwrap[docs.Model](m.overlay); ok {
		m.overlay = common.Wrap(d.SetSchema(msg.schema))
	}
	if _, ok := common.Unwrap[builder.Model](m.overlay); ok {
		m.openBuilder("")
	}
	text := fmt.Sprintf("schema: %d types from %s", len(msg.schema.AST().Types), msg.source)
	if w := msg.schema.Warnings(); len(w) > 0 {
		text += fmt.Sprintf(" (%d repaired: %s)", len(w), display.Line(w[0]))
	}
	if msg.source == "introspection" && m.notice.visible(m.ctx.Now) && m.notice.text == "fetching the schema again…" {
		m.report(common.InfoMsg{Tone: common.Success, Text: text}) // the answer to an explicit refresh is never quiet
	} else {
		m.sayQuietly(noticeInfo, text)
	}
	return cmd
}

// schemaFailed explains why there is no schema; with a cached one the app keeps using it.
func (m *Model) schemaFailed(msg schemaFailedMsg) tea.Cmd {
	if msg.gen != m.sessGen {
		return nil
	}
	reason := display.Line(msg.reason)
	if m.schema != nil {
		m.sayQuietly(noticeWarn, "⚠ schema not refreshed ("+reason+"); using the cached one")
		return nil
	}
	m.schemaNote = reason
	if d, ok := common.Unwrap[docs.Model](m.overlay); ok {
		m.overlay = common.Wrap(d.SetUnavailable(reason))
	}
	m.sayQuietly(noticeWarn, "⚠ no schema: "+reason+" — completion and validation need one (--schema FILE loads it from a file)")
	return nil
}

// refreshSchema fetches the schema again on request (ctrl+f in the docs browser), skipping the
// cache; the result replaces the schema everywhere and the docs browser keeps its place.
func (m *Model) refreshSchema() tea.Cmd {
	if m.sess == nil {
		return nil
	}
	m.report(common.InfoMsg{Text: "fetching the schema again…"})
	return loadSchemaCmd(m.sessGen, m.sess, m.opts.SchemaFile, m.opts.SchemaCache, false)
}
