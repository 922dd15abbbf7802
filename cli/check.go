package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/toggle-explorer/toggle-explorer/query/schema"
	"github.com/toggle-explorer/toggle-explorer/session"
)

// checkCommand validates GraphQL documents (saved queries in CI, say) against a schema: a file
// (SDL or introspection JSON) or the endpoint's own, fetched by introspection. It prints one
// FILE:LINE:COL: message line per problem and exits 1 when there is any.
func (c *program) checkCommand(args []string) int {
	fs := newFlagSet("check", "check [--schema FILE] FILE...", c.stderr)
	var f commonFlags
	f.register(fs, connectionFlags)
	schemaFile := fs.String("schema", "", "schema file: SDL or introspection JSON (default: the endpoint's, by introspection)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return usageExit(err)
	}
	if len(files) == 0 {
		return c.errorf(exitUsage, "check: name the documents to check")
	}
	// Like run, one load and exit: nearly everything a schema load allocates stays live, so
	// collections at the default pace free little (make perf, check: 16% of the time in GC).
	defer c.paceGC(oneShotGCPercent)()
	sch, code := c.loadSchema(&f, *schemaFile)
	if code != exitOK {
		return code
	}
	for _, w := range sch.Warnings() {
		printLine(c.stderr, "schema: warning: %s", w)
	}
	problems := 0
	for _, file := range files {
		data, err := readFileCapped(file)
		if err != nil {
			return c.errorf(exitUsage, "check: %v", err)
		}
		for _, d := range sch.Validate(string(data)) {
			printLine(c.stdout, "%s:%d:%d: %s", file, d.Line, d.Column, d.Message)
			problems++
		}
	}
	if problems > 0 {
		fmt.Fprintf(c.stderr, "%d problem(s) in %d file(s)\n", problems, len(files))
		return exitGraphQL
	}
	return exitOK
}

// loadSchema reads the schema file, or introspects the endpoint (logging in as run does) and
// caches the result.
func (c *program) loadSchema(f *commonFlags, file string) (*schema.Schema, int) {
	if file != "" {
		sch, err := schema.LoadFile(file)
		if err != nil {
			return nil, c.errorf(exitUsage, "check: %v", err)
		}
		return sch, exitOK
	}
	tgt, err := c.resolveTarget(f)
	if err != nil {
		return nil, c.errorf(exitUsage, "check: %v (or give --schema FILE)", err)
	}
	defer tgt.close()
	sess, err := newSession(tgt, f.insecure, f.timeout)
	if err != nil {
		return nil, c.errorf(exitUsage, "check: %v", err)
	}
	defer sess.Close()
	if code := c.authenticate(sess, tgt); code != exitOK {
		return nil, code
	}
	ctx, cancel := context.WithTimeout(c.context(), f.timeout)
	defer cancel()
	sch, raw, err := sess.Introspect(ctx)
	var authErr *session.AuthError
	var transportErr *session.TransportError
	switch {
	case errors.As(err, &authErr):
		return nil, c.errorf(exitAuth, "check: introspection: %v", err)
	case errors.As(err, &transportErr):
		return nil, c.errorf(exitTransport, "check: introspection: %v", err)
	case err != nil:
		return nil, c.errorf(exitTransport, "check: the endpoint's schema could not be read: %v (give --schema FILE instead)", err)
	}
	if err := schema.NewCache(filepath.Join(tgt.paths.Cache, "schemas")).Save(tgt.endpoint, raw); err != nil {
		printLine(c.stderr, "check: schema not cached: %v", err)
	}
	return sch, exitOK
}
