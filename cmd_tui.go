package main

// tuiCommand starts the terminal UI. Until the UI lands it explains what exists.
func (c *cli) tuiCommand(args []string) int {
	return c.errorf(exitUsage, "the TUI is not built yet; try `toggle-explorer mock` and `toggle-explorer run`")
}
