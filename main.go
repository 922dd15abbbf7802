// Command toggle-explorer is a terminal UI and command line client for exploring and debugging
// Toggle's GraphQL API.
package main

import "os"

func main() { os.Exit(0) }
