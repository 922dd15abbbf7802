// Command toggle-explorer is a terminal UI and command line client for exploring and debugging
// Toggle's GraphQL API: log in, run queries, watch the short-lived JWT rotate and refresh, and get a
// plain-language reason for every Unauthorized.
//
// Everything lives in packages; main only hands the process to the command line (package cli).
package main

import (
	"os"

	"github.com/toggle-explorer/toggle-explorer/cli"
)

func main() {
	os.Exit(cli.Main())
}
