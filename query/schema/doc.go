// Package schema loads a GraphQL schema (SDL or an introspection response,
// repairing or relaxing what a strict loader would refuse), caches it per
// endpoint, validates documents and variables against it, and answers the docs
// pane (type pages and search).
//
// The package must never import Bubble Tea, lipgloss or chroma.
package schema
