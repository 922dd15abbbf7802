// Package envpicker is the environment picker (f7): the config's profiles with their endpoint,
// identity, whether a valid token is stored for them, and a warning mark on protected ones.
// Choosing one sends ChooseMsg; the root then builds a new session for that profile, so one
// profile's token and headers never travel to another's endpoint.
package envpicker
