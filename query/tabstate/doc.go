// Package tabstate keeps the explorer's open tabs between runs: each tab's query and variables
// text (unsaved edits included), cursors and scroll positions, in a JSON file written atomically
// and privately (0600: variables may hold whatever the user typed). It never holds a token or a
// password: the UI's tabs have no such field to give it. A file that cannot be read back is set
// aside (renamed …corrupt-TIME) so start-up is never blocked by it.
package tabstate
