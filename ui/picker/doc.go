// Package picker is the saved-queries picker, the overlay ctrl+o opens: a filter field (typing
// filters at once, fuzzy), the list of saved queries with matched letters marked and unparsable
// files flagged with ⚠, and a preview of the selected one (its document highlighted, operations,
// modification time, parse warning and variables). From it the user opens a query, or renames,
// duplicates or deletes one, each after a prompt.
//
// All disk work happens in commands built here (ListCmd, PreviewCmd, RenameCmd, DuplicateCmd,
// DeleteCmd) and comes back as messages; the model only reads them. Previews are cached by name
// and tagged with the listing generation they were asked in, so a preview read before a rename
// or delete is dropped rather than shown.
//
// The root opens the picker with New and Init, sends it every message while it is open, and
// acts on OpenMsg (load the query into the editors) and CloseMsg.
package picker
