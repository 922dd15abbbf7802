package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/toggle-explorer/toggle-explorer/query"
	"github.com/toggle-explorer/toggle-explorer/query/history"
	"github.com/toggle-explorer/toggle-explorer/query/page"
	"github.com/toggle-explorer/toggle-explorer/query/saved"
	"github.com/toggle-explorer/toggle-explorer/session"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// maxDocumentBytes bounds a document read from a file or stdin.
const maxDocumentBytes = 8 << 20

// runInput is a fully checked request: nothing about it can fail before it is sent.
type runInput struct {
	source string // file name, "-", "-q" or the saved query's name, for error positions
	op     query.Operation
	text   string // the document as sent: the chosen operation and its fragments
	vars   map[string]any
	// headers is the saved query's NAME.headers (or FILE.headers beside a file) text, "" when none.
	headers string
	// hdr are the request's extra headers, merged and expanded (requestHeaders).
	hdr http.Header
}

// runCommand runs one operation and prints the full response JSON on stdout. Everything the user
// typed is checked first (document syntax, operation choice, variables): bad input exits 4 and
// sends nothing.
func (c *program) runCommand(args []string) int {
	defer c.paceGC(oneShotGCPercent)()
	fs := newFlagSet("run", "run [FILE|NAME|-] [-q QUERY] [--operation NAME] [--var name=value]... [--vars FILE] [flags]", c.stderr)
	var f commonFlags
	f.register(fs, connectionFlags|queriesFlag|historyFlag|verboseFlag)
	inline := fs.String("q", "", "the GraphQL document itself, instead of a file")
	opName := fs.String("operation", "", "the operation to run when the document holds several")
	var varFlags multiFlag
	fs.Var(&varFlags, "var", "a variable as name=value (JSON when it parses, else a string); repeatable; overrides --vars")
	varsFile := fs.String("vars", "", "a JSON file of variables, merged over FILE.variables.json beside the document")
	pretty := fs.Bool("pretty", c.stdoutTTY, "indent the response JSON (the default on a terminal)")
	var of outputFlags
	of.register(fs)
	paginate := fs.Bool("paginate", false, "fetch every page of the list (through $page or a page: argument) and print them merged")
	maxPages := fs.Int("max-pages", 100, "with --paginate: fetch at most `N` pages")
	var headerFlags multiFlag
	fs.Var(&headerFlags, "H", "an extra header 'Name: value' ($VAR expands; '!Authorization: …' overrides the token); repeatable")
	yes := fs.Bool("yes", false, "run a mutation on a protected profile without asking")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usageExit(err)
	}
	out, code := c.checkOutput(of, *pretty)
	if code != exitOK {
		return code
	}
	if f.passwordStdin && len(pos) == 1 && pos[0] == "-" {
		return c.errorf(exitUsage, "run: standard input cannot carry both the document and the password")
	}

	// The document and variables are checked before anything else, endpoint included: bad input
	// is reported as such even where no endpoint is configured yet.
	set, code := c.selectedProfile(&f)
	if code != exitOK {
		return code
	}
	in, code := c.prepareRun(pos, *inline, *opName, varFlags, *varsFile, &f, set.prof.Variables)
	if code != exitOK {
		return code
	}
	if _, _, _, lit := pageLiteral(in); *paginate && !page.Variable(in.op) && !lit {
		return c.errorf(exitUsage, "run: --paginate: the operation has no $page variable or page: argument to step through pages; nothing was sent")
	}
	if *maxPages < 1 {
		return c.errorf(exitUsage, "run: --max-pages must be at least 1")
	}
	tgt, err := c.resolveTarget(&f)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	defer tgt.close()
	if tgt.profile.Protected && in.op.Kind == query.Mutation && !*yes {
		return c.errorf(exitUsage, "run: profile %q is protected: mutation %s on %s was not sent "+
			"(add --yes to run it)", tgt.profileName, operationLabel(in.op), tgt.endpoint)
	}
	// Money moves on a mutation: a config that could not be read might have marked this endpoint
	// protected, so it is treated as if it had until the user says otherwise.
	if set.broken != nil && in.op.Kind == query.Mutation && !*yes {
		return c.errorf(exitUsage, "run: config.toml could not be read, so whether %s is protected is unknown: "+
			"mutation %s was not sent (fix the config, or add --yes to run it)", tgt.endpoint, operationLabel(in.op))
	}
	if in.hdr, err = c.requestHeaders(tgt, in, headerFlags); err != nil {
		return c.errorf(exitUsage, "run: %v; nothing was sent", err)
	}

	sess, err := newSession(tgt, f.insecure, f.timeout)
	if err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	stopNarrating := c.narrate(sess, f.verbose)
	defer func() { sess.Close(); stopNarrating() }()

	if code := c.authenticate(sess, tgt); code != exitOK {
		return code
	}
	if *paginate {
		return c.runPages(sess, tgt, in, f, out, *maxPages)
	}
	ctx, cancel := context.WithTimeout(c.context(), f.timeout)
	defer cancel()
	started := time.Now()
	req := session.Request{
		Query:         in.text,
		OperationName: in.op.Name,
		Variables:     in.vars,
		Mutation:      in.op.Kind == query.Mutation,
		Headers:       in.hdr,
	}
	res, err := sess.Execute(ctx, req)
	// The demo's random-port endpoint means nothing after the process ends: it stays out of the
	// user's real history, as the TUI's demo keeps its own.
	if !f.noHistory && !f.demo {
		entry := sess.HistoryEntry(in.op, req, started, res, err)
		entry.Profile = tgt.profileName
		if herr := history.New(tgt.paths.historyFile(), 0).Append(entry); herr != nil {
			printLine(c.stderr, "toggle-explorer: history not written: %v", herr)
		}
	}
	return c.reportRun(ctx, res, err, out)
}

// prepareRun reads the document and variables and checks them. It returns exitOK, or the exit
// code after printing the problem.
func (c *program) prepareRun(pos []string, inline, opName string, varFlags []string, varsFile string, f *commonFlags, profileVars map[string]any) (runInput, int) {
	var in runInput
	text, savedVars, source, err := c.readDocument(pos, inline, f, &in.headers)
	if errors.Is(err, errReported) {
		return in, exitUsage
	}
	if err != nil {
		return in, c.errorf(exitUsage, "run: %v", err)
	}
	in.source = source
	doc, err := query.Parse(text)
	var syntax *query.SyntaxError
	if errors.As(err, &syntax) {
		printLine(c.stderr, "%s:%d:%d: %s", source, syntax.Line, syntax.Column, syntax.Message)
		return in, c.errorf(exitUsage, "run: the document has a syntax error; nothing was sent")
	}
	if err != nil {
		return in, c.errorf(exitUsage, "run: %s: %v", source, err)
	}
	if in.op, err = doc.Select(opName); err != nil {
		return in, c.errorf(exitUsage, "run: %s: %v", source, err)
	}
	if in.text, err = doc.Extract(in.op); err != nil {
		return in, c.errorf(exitUsage, "run: %s: %v", source, err)
	}

	// The profile's defaults sit under everything else, and only those the operation declares
	// are used: a profile serves many queries, and its other variables are no mistake.
	defaults, _ := query.DeclaredOnly(in.op, profileVars)
	vars := query.MergeVars(defaults, savedVars)
	if varsFile != "" {
		fileVars, err := query.LoadVarsFile(varsFile)
		if err != nil {
			return in, c.errorf(exitUsage, "run: %v", err)
		}
		vars = query.MergeVars(vars, fileVars)
	}
	flagVars := map[string]any{}
	for _, v := range varFlags {
		name, value, err := query.ParseVarFlag(v)
		if err != nil {
			return in, c.errorf(exitUsage, "run: --var: %v", err)
		}
		flagVars[name] = value
	}
	vars, dropped := query.DeclaredOnly(in.op, query.CoerceVariables(in.op, query.MergeVars(vars, flagVars)))
	for _, name := range dropped {
		printLine(c.stderr, "%s: note: not sending $%s: the operation does not declare it", source, name)
	}
	if problems := query.CheckVariables(in.op, vars); len(problems) > 0 {
		for _, p := range problems {
			printLine(c.stderr, "%s: %s", source, p)
		}
		return in, c.errorf(exitUsage, "run: the variables do not fit the operation; nothing was sent")
	}
	in.vars = vars
	return in, exitOK
}

// errReported is returned once the problem has been printed already.
var errReported = errors.New("reported")

// readDocument finds the document: -q text, "-" for stdin, a file, or a saved query's name. A
// file's or saved query's NAME.variables.json beside it supplies default variables; --vars and
// --var are merged over them, key by key.
func (c *program) readDocument(pos []string, inline string, f *commonFlags, headers *string) (text string, vars map[string]any, source string, err error) {
	switch {
	case inline != "" && len(pos) > 0:
		return "", nil, "", errors.New("give either -q or a file, not both")
	case inline != "":
		return inline, nil, "-q", nil
	case len(pos) == 0:
		return "", nil, "", errors.New("no document: give a FILE, a saved query's NAME, - for standard input, or -q QUERY")
	case len(pos) > 1:
		return "", nil, "", fmt.Errorf("one document at a time (got %s)", strings.Join(pos, " "))
	case pos[0] == "-":
		data, err := readCapped(c.stdin, maxDocumentBytes)
		return string(data), nil, "<stdin>", err
	}
	name := pos[0]
	if data, err := readFileCapped(name); err == nil {
		vars, err := sidecarVariables(name)
		if err == nil {
			*headers, err = sidecarHeaders(name)
		}
		return string(data), vars, name, err
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", nil, "", err
	}
	if saved.ValidName(name) != nil {
		return "", nil, "", fmt.Errorf("%s: no such file", name)
	}
	queriesDir, code := c.queriesDir(f)
	if code != exitOK {
		return "", nil, "", errReported
	}
	lib, _, installErr := openLibrary(queriesDir)
	if !lib.Exists(name) {
		if installErr != nil {
			return "", nil, "", fmt.Errorf("%s: no such file, and no saved query of that name (%v)", name, installErr)
		}
		return "", nil, "", fmt.Errorf("%s: no such file, and no saved query of that name in %s", name, queriesDir)
	}
	saved, err := lib.Load(name)
	if err != nil {
		return "", nil, "", err
	}
	if saved.Warning != "" {
		printLine(c.stderr, "%s: %s", name, saved.Warning)
	}
	if strings.TrimSpace(saved.Variables) != "" {
		if vars, err = query.ParseVariablesJSON(saved.Variables); err != nil {
			return "", nil, "", fmt.Errorf("%s.variables.json: %w", name, err)
		}
	}
	*headers = saved.Headers
	return saved.Text, vars, name, nil
}

// sidecarVariables reads FILE.variables.json beside FILE.graphql (the saved queries' layout, so a
// saved query run by path behaves as when run by name). No such file is no variables.
func sidecarVariables(doc string) (map[string]any, error) {
	path := strings.TrimSuffix(doc, filepath.Ext(doc)) + ".variables.json"
	data, err := readFileCapped(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil, nil
	}
	vars, err := query.ParseVariablesJSON(string(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return vars, nil
}

// sidecarHeaders reads FILE.headers beside FILE.graphql, as a saved query's NAME.headers. No such
// file is no headers.
func sidecarHeaders(doc string) (string, error) {
	data, err := readFileCapped(strings.TrimSuffix(doc, filepath.Ext(doc)) + ".headers")
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	return string(data), err
}

func readFileCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, maxDocumentBytes)
}

// readCapped reads r whole, failing clearly past limit bytes rather than filling memory.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the document is larger than %s", display.Size(limit))
	}
	return data, nil
}

// authenticate makes sure the session can send: a stored token for this identity while it is
// valid, else credentials (prompting on a terminal when needed) so Execute logs in first.
func (c *program) authenticate(sess *session.Session, tgt *target) int {
	if tgt.creds.Password != "" {
		if err := sess.SetCredentials(tgt.creds); err != nil {
			return c.errorf(exitUsage, "%v", err)
		}
	}
	if _, ok := sess.Restore(tgt.identity()); ok {
		return exitOK
	}
	if sess.HasCredentials() {
		return exitOK
	}
	if c.promptPassword(tgt) {
		if err := sess.SetCredentials(tgt.creds); err != nil {
			return c.errorf(exitUsage, "%v", err)
		}
		return exitOK
	}
	return c.errorf(exitAuth, "not logged in: no valid stored token for %s and no password "+
		"(use --password-stdin, TOGGLE_PASSWORD, or `toggle-explorer login`)", tgt.endpoint)
}

// reportRun prints the response and maps the outcome to the exit code. A
// failing filter or file is reported after the response's own outcome,
// which decides the code when it is not a success.
func (c *program) reportRun(ctx context.Context, res *session.Result, err error, out outputOptions) int {
	outCode := exitOK
	switch {
	case res == nil || len(res.Body) == 0:
	case res.EnvelopeErr == nil && res.Envelope.Printable && out.filter == nil && out.file == "" && !out.pretty:
		// The envelope's scan saw only printable ASCII, spaces, tabs and newlines: nothing to
		// escape or reformat, so a 20 MB body goes out without another pass or copy.
		_, _ = c.stdout.Write(res.Body)
		if !bytes.HasSuffix(res.Body, []byte("\n")) {
			_, _ = io.WriteString(c.stdout, "\n")
		}
	default:
		outCode = c.emit(ctx, res.Body, res.EnvelopeErr == nil, out)
	}
	if code := c.runOutcome(res, err); code != exitOK {
		return code
	}
	return outCode
}

// runOutcome maps the response to the exit code, reporting why on stderr.
func (c *program) runOutcome(res *session.Result, err error) int {
	var authErr *session.AuthError
	switch {
	case errors.As(err, &authErr):
		if d := authErr.Diagnosis; d != nil && d.Detail != "" {
			printLine(c.stderr, "  %s", d.Detail)
		}
		return c.errorf(exitAuth, "%v", err)
	case err != nil:
		return c.errorf(exitTransport, "%v", err)
	case res.EnvelopeErr != nil:
		return c.errorf(exitTransport, "HTTP %d: %v", res.Status, res.EnvelopeErr)
	case len(res.Envelope.Errors) > 0:
		for _, e := range res.Envelope.Errors {
			printLine(c.stderr, "error: %s", describeGraphQLError(e))
		}
		return exitGraphQL
	}
	return exitOK
}

// writeBody prints the body, indented when asked and when it is JSON (isJSON: it decoded as an
// envelope, so it is valid JSON without a second look at 20 MB). JSON keeps its value but
// carries every control, C1 and bidi character as a \u escape, to a terminal and a pipe alike. A
// body that is not JSON has already been diagnosed: it goes to a pipe or a file as it came, so
// nothing is lost, and to a terminal escaped.
func writeBody(w io.Writer, body []byte, isJSON, pretty, terminal bool) {
	if pretty && isJSON {
		var buf bytes.Buffer
		if json.Indent(&buf, body, "", "  ") == nil {
			buf.WriteByte('\n')
			_, _ = w.Write(display.JSON(buf.Bytes()))
			return
		}
	}
	switch {
	case isJSON:
		body = display.JSON(body)
	case terminal:
		body = []byte(display.Terminal(string(body)))
	}
	_, _ = w.Write(body)
	if !bytes.HasSuffix(body, []byte("\n")) {
		_, _ = io.WriteString(w, "\n")
	}
}

// describeGraphQLError is one stderr line per error: message, path, position, audience,
// validation (fields sorted, so the line is the same from run to run). The caller escapes it.
func describeGraphQLError(e session.GraphQLError) string {
	s := e.Message
	if len(e.Path) > 0 {
		parts := make([]string, len(e.Path))
		for i, p := range e.Path {
			parts[i] = fmt.Sprint(p)
		}
		s += " (path " + strings.Join(parts, ".") + ")"
	}
	if len(e.Locations) > 0 {
		s += fmt.Sprintf(" (at %d:%d)", e.Locations[0].Line, e.Locations[0].Column)
	}
	if e.CustomerFacing != nil {
		if *e.CustomerFacing {
			s += " [customer-facing]"
		} else {
			s += " [internal]"
		}
	}
	fields := make([]string, 0, len(e.Validation))
	for field := range e.Validation {
		fields = append(fields, field)
	}
	sort.Strings(fields)
	for _, field := range fields {
		s += fmt.Sprintf("; %s: %s", field, strings.Join(e.Validation[field], ", "))
	}
	return s
}
