package cli

import (
	"context"
	"flag"
	"os/signal"
	"syscall"
	"time"

	"github.com/toggle-explorer/toggle-explorer/mockapi"
)

// mockCommand serves the fake Toggle API until interrupted. The first stdout line is the endpoint
// URL (scripts read it), then the credentials.
func (c *program) mockCommand(args []string) int {
	fs := newFlagSet("mock", "mock [--addr 127.0.0.1:8080] [flags]", c.stderr)
	cfg := mockapi.DefaultConfig()
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (use port 0 for any free port)")
	fs.StringVar(&cfg.Username, "username", cfg.Username, "the API user's username")
	fs.StringVar(&cfg.Email, "email", cfg.Email, "the API user's email")
	fs.StringVar(&cfg.Password, "password", cfg.Password, "the API user's password")
	fs.DurationVar(&cfg.TokenTTL, "token-ttl", cfg.TokenTTL, "lifetime of issued tokens")
	fs.DurationVar(&cfg.RotateAfter, "rotate-after", cfg.RotateAfter, "rotate tokens older than this on every authorized response (0: on every response; rotation is off unless given)")
	noRotate := fs.Bool("no-rotate", false, "never rotate tokens (overrides --rotate-after)")
	fs.StringVar(&cfg.RotateHeader, "rotate-header", cfg.RotateHeader, "header carrying rotated tokens: both, x-authorization or authorization")
	fs.BoolVar(&cfg.BearerPrefix, "bearer-prefix", cfg.BearerPrefix, `prefix tokens in response headers with "Bearer "`)
	fs.BoolVar(&cfg.Strict, "strict", cfg.Strict, "a rotated-away token stops working")
	fs.DurationVar(&cfg.Grace, "grace", cfg.Grace, "with --strict, how long a rotated-away token still works (0: not at all)")
	fs.StringVar(&cfg.LoginHeader, "login-header", "both", "header carrying a login's token: both, x-authorization or authorization")
	fs.BoolVar(&cfg.AcceptBareToken, "accept-bare-token", cfg.AcceptBareToken, `also accept "Authorization: <jwt>" without "Bearer"`)
	fs.IntVar(&cfg.UnauthStatus, "unauth-status", cfg.UnauthStatus, "HTTP status of Unauthorized answers: 200 or 401")
	fs.DurationVar(&cfg.ClockSkew, "clock-skew", cfg.ClockSkew, "offset of the server's clock (iat, exp and the Date header)")
	fs.DurationVar(&cfg.Latency, "latency", cfg.Latency, "delay added to every response")
	fs.Float64Var(&cfg.FailureRate, "failure-rate", cfg.FailureRate, "fraction of requests answered with an HTML 502 page")
	fs.Float64Var(&cfg.TruncateRate, "truncate-rate", cfg.TruncateRate, "fraction of responses cut short")
	fs.Int64Var(&cfg.Seed, "seed", cfg.Seed, "seed for the fault injection")
	if _, err := parseInterspersed(fs, args); err != nil {
		return usageExit(err)
	}
	// Giving --rotate-after at all turns rotation on, so 0 can mean "every response".
	fs.Visit(func(f *flag.Flag) { cfg.Rotate = cfg.Rotate || f.Name == "rotate-after" })
	if *noRotate {
		cfg.Rotate, cfg.RotateAfter = false, 0
	}
	if cfg.RotateAfter < 0 {
		return c.errorf(exitUsage, "mock: --rotate-after must not be negative")
	}
	if cfg.UnauthStatus != 200 && cfg.UnauthStatus != 401 {
		return c.errorf(exitUsage, "mock: --unauth-status must be 200 or 401")
	}

	url, stop, err := mockapi.New(cfg).Start(*addr)
	if err != nil {
		return c.errorf(exitTransport, "mock: %v", err)
	}
	printLine(c.stdout, "%s", url)
	printLine(c.stdout, "username: %s", cfg.Username)
	printLine(c.stdout, "email:    %s", cfg.Email)
	printLine(c.stdout, "password: %s", cfg.Password)
	printLine(c.stdout, "token lifetime %s; %s; try:", cfg.TokenTTL, rotationText(cfg))
	printLine(c.stdout, "  TOGGLE_ENDPOINT=%s TOGGLE_USERNAME=%s TOGGLE_PASSWORD=%s toggle-explorer run -q '{ Products(account_id: 1) { id name } }'",
		url, cfg.Username, cfg.Password)

	ctx, cancel := signal.NotifyContext(c.context(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	<-ctx.Done()
	shutdown, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if err := stop(shutdown); err != nil {
		return c.errorf(exitTransport, "mock: shutdown: %v", err)
	}
	return exitOK
}

// rotationText describes the rotation the fake will do, for its banner.
func rotationText(cfg mockapi.Config) string {
	var s string
	switch {
	case !cfg.Rotate && cfg.RotateAfter == 0:
		return "no rotation"
	case cfg.RotateAfter == 0:
		s = "rotating on every authorized response"
	default:
		s = "rotating tokens older than " + cfg.RotateAfter.String()
	}
	if cfg.Strict {
		s += ", old tokens refused at once"
	}
	return s
}
