package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/toggle-explorer/toggle-explorer/query/jq"
	"github.com/toggle-explorer/toggle-explorer/session/display"
)

// outputOptions say how run prints the response: through a jq filter, raw
// strings, indented, to a file.
type outputOptions struct {
	filter    *jq.Filter // nil: the body as it came
	raw       bool       // -r: string outputs as text
	pretty    bool
	file      string // -o: write here instead of stdout
	overwrite bool   // the user agreed to replace an existing file
}

// outputFlags are run's output flags before they are checked.
type outputFlags struct {
	jq, file       string
	raw, overwrite bool
}

func (o *outputFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&o.jq, "jq", "", "print what the jq `EXPR` makes of the response (gojq; numbers stay exact)")
	fs.BoolVar(&o.raw, "r", false, "with --jq: print string outputs as raw text, as jq -r does")
	fs.StringVar(&o.file, "o", "", "write the output to `FILE` instead of standard output (never replaces a file unasked)")
	fs.BoolVar(&o.overwrite, "overwrite", false, "with -o: replace FILE if it exists")
}

// checkOutput validates the output flags before anything is sent: a jq
// expression that does not parse, or -o naming an existing file the user
// does not agree to replace, is bad input (exit 4).
func (c *program) checkOutput(f outputFlags, pretty bool) (outputOptions, int) {
	o := outputOptions{raw: f.raw, pretty: pretty, file: f.file, overwrite: f.overwrite}
	if f.raw && f.jq == "" {
		return o, c.errorf(exitUsage, "run: -r needs --jq")
	}
	if f.jq != "" {
		filter, err := jq.Compile(f.jq)
		if err != nil {
			return o, c.errorf(exitUsage, "run: --jq: %v", err)
		}
		o.filter = filter
	}
	if f.file == "" {
		return o, exitOK
	}
	st, err := os.Stat(f.file)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return o, exitOK
	case err != nil:
		return o, c.errorf(exitUsage, "run: -o: %v", err)
	case st.IsDir():
		return o, c.errorf(exitUsage, "run: -o: %s is a directory", f.file)
	case o.overwrite:
		return o, exitOK
	case c.stdinTTY && c.confirm(fmt.Sprintf("%s exists; replace it? [y/N] ", f.file)):
		o.overwrite = true
		return o, exitOK
	}
	return o, c.errorf(exitUsage, "run: -o: %s exists; pass --overwrite to replace it (nothing was sent)", f.file)
}

// confirm asks a yes/no question on stderr and reads the answer from stdin.
func (c *program) confirm(question string) bool {
	fmt.Fprint(c.stderr, display.Line(question))
	line, _ := bufio.NewReader(c.stdin).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes"
}

// emit writes the response as the options say and returns exitOK, or the
// exit code after reporting a failure of the filter or the file. isJSON says
// the body decoded as an envelope.
func (c *program) emit(ctx context.Context, body []byte, isJSON bool, o outputOptions) int {
	var out bytes.Buffer
	if err := render(ctx, &out, body, isJSON, o, c.stdoutTTY && o.file == ""); err != nil {
		return c.errorf(exitUsage, "run: %v", err)
	}
	if o.file == "" {
		_, _ = c.stdout.Write(out.Bytes())
		return exitOK
	}
	if err := writeNewFile(o.file, out.Bytes(), o.overwrite); err != nil {
		return c.errorf(exitUsage, "run: -o: %v", err)
	}
	printLine(c.stderr, "wrote %s (%s)", o.file, display.Size(int64(out.Len())))
	return exitOK
}

// render writes body to w: filtered when o.filter is set (one output a
// line, indented when o.pretty), else as writeBody does. JSON carries every
// control, C1 and bidi character as a \u escape (display.JSON), as run's
// output always does; raw strings (-r) are escaped only for a terminal.
func render(ctx context.Context, w *bytes.Buffer, body []byte, isJSON bool, o outputOptions, toTerminal bool) error {
	if o.filter == nil || !isJSON {
		// A body that is not JSON has been diagnosed already; it goes out as writeBody says.
		writeBody(w, body, isJSON, o.pretty, toTerminal)
		return nil
	}
	outs, _, err := jq.NewInput(body).Run(ctx, o.filter, 0)
	for _, v := range outs {
		if s, ok := v.(string); ok && o.raw {
			if toTerminal {
				s = display.Terminal(s)
			}
			w.WriteString(s)
			w.WriteByte('\n')
			continue
		}
		b, merr := jq.Marshal(v)
		if merr != nil {
			return fmt.Errorf("jq: %w", merr)
		}
		writeBody(w, b, true, o.pretty, toTerminal)
	}
	if err != nil {
		// jq's messages quote the data they failed on: server text, escaped for the terminal.
		return fmt.Errorf("jq: %s", display.Line(err.Error()))
	}
	return nil
}

// writeNewFile writes data to path: a new file (O_EXCL, so a file created
// since the check is not replaced either) unless overwrite.
func writeNewFile(path string, data []byte, overwrite bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if overwrite {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, bytes.NewReader(data))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
