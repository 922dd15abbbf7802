// Command perf is `make perf`: it measures the explorer against anchors run interleaved in the
// same rounds on the same machine (curl for transfers, a minimal Bubble Tea program for first
// frame and idle CPU, a skeleton of the explorer's stack for idle RSS, a bare gqlparser loader for
// `check`) and prints the table of issue 14 with medians, ranges and ratios against the goals of
// performance.md. It needs tmux and curl; it is not part of `make test`.
package main

import (
	"bufio"

	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

type config struct {
	bin, helpers, schema string
	rounds               int
	idle                 time.Duration
	serve                bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.bin, "bin", "bin/toggle-explorer", "the explorer binary to measure")
	flag.StringVar(&cfg.helpers, "helpers", "bin/perf", "directory holding the minitea, skeleton and gqlload anchors")
	flag.StringVar(&cfg.schema, "schema", "query/schema/testdata/schema/github/schema.graphql", "GitHub's SDL, for the check row")
	flag.IntVar(&cfg.rounds, "n", 5, "rounds (each measure and its anchor once per round, after a warm-up round)")
	flag.DurationVar(&cfg.idle, "idle", 30*time.Second, "idle window per round for the idle CPU and RSS rows")
	flag.BoolVar(&cfg.serve, "serve", false, "only serve the fake with the fixture (to profile by hand): print the endpoint and wait")
	flag.Parse()
	if cfg.serve {
		url, body, _, err := startServer()
		if err != nil {
			fmt.Fprintln(os.Stderr, "perf:", err)
			os.Exit(1)
		}
		fmt.Println(url, len(body))
		select {}
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "perf:", err)
		os.Exit(1)
	}
}

func run(cfg config) error {
	for _, tool := range []string{"tmux", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is needed (apt-get install %s)", tool, tool)
		}
	}
	var err error
	for _, p := range []*string{&cfg.bin, &cfg.helpers, &cfg.schema} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	home, err := os.MkdirTemp("", "toggle-perf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(home)
	url, bodySize, stop, err := spawnServer()
	if err != nil {
		return err
	}
	defer stop()
	tm, err := startTmux(fmt.Sprintf("toggle-perf-%d", os.Getpid()))
	if err != nil {
		return err
	}
	defer tm.close()
	b := &bench{cfg: cfg, home: home, url: url, bodySize: bodySize, tmux: tm}
	if err := b.setup(); err != nil {
		return err
	}

	started, loadBefore := time.Now(), loadAvg()
	rows := b.rows()
	for round := 0; round <= cfg.rounds; round++ {
		warm := round == 0
		fmt.Fprintf(os.Stderr, "round %d/%d%s\n", round, cfg.rounds, map[bool]string{true: " (warm-up)"}[warm])
		if err := b.round(rows, round, warm); err != nil {
			return err
		}
	}
	printTable(os.Stdout, rows.all(), cfg.rounds, started, loadBefore, loadAvg())
	return nil
}

// spawnServer runs the fake in a child process (this program with -serve). In this process it
// would skew every peak RSS measured: Linux counts the memory of the parent a child was forked
// from in the child's peak (ru_maxrss survives exec).
func spawnServer() (url string, bodySize int, stop func(), err error) {
	cmd := exec.Command(os.Args[0], "-serve")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", 0, nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", 0, nil, err
	}
	stop = func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		stop()
		return "", 0, nil, fmt.Errorf("the fake did not start: %v", err)
	}
	if _, err := fmt.Sscan(line, &url, &bodySize); err != nil {
		stop()
		return "", 0, nil, fmt.Errorf("the fake said %q: %v", line, err)
	}
	return url, bodySize, stop, nil
}

// loadAvg is the 1-minute load average (the machine is shared: it says how noisy a run was).
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}
