package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/toggle-explorer/toggle-explorer/session/doctor"
)

// doctorRequestTimeout bounds each of the doctor's requests (the --timeout flag bounds the run).
const doctorRequestTimeout = 15 * time.Second

// doctorCommand probes how the endpoint handles tokens and prints the report: readable, or JSON
// with --json. Exit 0 when login and an authorized query work, 2 when auth fails, 3 when the
// server cannot be reached, 4 for bad usage.
func (c *program) doctorCommand(args []string) int {
	fs := newFlagSet("doctor", "doctor [--json] [flags]", c.stderr)
	var f commonFlags
	f.register(fs, connectionFlags)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return usageExit(err)
	}
	// The doctor logs in by username and, when given, by email as well: resolveTarget insists
	// on one of them, so it sees only the username and the email is taken here.
	email := firstNonEmpty(f.email, c.getenv("TOGGLE_EMAIL"))
	username := firstNonEmpty(f.username, c.getenv("TOGGLE_USERNAME"))
	resolver := *c
	if username != "" {
		f.email = ""
		resolver.getenv = func(k string) string {
			if k == "TOGGLE_EMAIL" {
				return ""
			}
			return c.getenv(k)
		}
	}
	tgt, err := resolver.resolveTarget(&f)
	if err != nil {
		return c.errorf(exitUsage, "doctor: %v", err)
	}
	defer tgt.close()
	if tgt.creds.Username != "" && email != "" {
		tgt.creds.Email = email
	}
	c.promptPassword(tgt)

	ctx, cancel := context.WithTimeout(c.context(), f.timeout)
	defer cancel()
	rep, err := doctor.Run(ctx, doctor.Config{
		Endpoint: tgt.endpoint,
		Username: tgt.creds.Username,
		Email:    tgt.creds.Email,
		Password: tgt.creds.Password,
		Insecure: f.insecure,
		Timeout:  min(f.timeout, doctorRequestTimeout),
	})
	if err != nil {
		return c.errorf(exitUsage, "doctor: %v", err)
	}
	if *asJSON {
		out, err := rep.JSON()
		if err != nil {
			return c.errorf(exitUsage, "doctor: %v", err)
		}
		_, _ = c.stdout.Write(out)
	} else {
		fmt.Fprint(c.stdout, rep.Text())
	}
	return rep.ExitCode()
}
