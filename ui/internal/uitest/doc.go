// Package uitest holds helpers shared by the UI packages' tests: named key presses, running
// commands synchronously, a settable clock, an in-process HTTP transport and view-size checks.
//
// It is only for tests. It is a normal package rather than a _test.go file because test files
// cannot be imported across packages; being under ui/internal keeps it out of the public API.
// To stay importable from every UI package's tests without an import cycle, it must never import
// a ui package other than ui/common (whose own tests therefore must not import uitest).
package uitest
