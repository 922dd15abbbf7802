package saved

import (
	"embed"
	"path"
	"strings"
)

// toggleStarter holds the starter collection: one working example per thing an integrator does
// with Toggle (balance check, redeem, top-up, sell a physical card, guest gratuity, find a line
// item, reverse it, products, accounts), each with a variables file that works against the fake.
//
//go:embed starter/*.graphql starter/*.variables.json
var toggleStarter embed.FS

// ToggleStarter returns the starter collection as name → query text and name → variables JSON,
// ready for InstallStarter.
func ToggleStarter() (files, vars map[string]string) {
	files, vars = map[string]string{}, map[string]string{}
	entries, _ := toggleStarter.ReadDir("starter") // embedded: cannot fail
	for _, e := range entries {
		data, _ := toggleStarter.ReadFile(path.Join("starter", e.Name()))
		switch name := e.Name(); {
		case strings.HasSuffix(name, ".variables.json"):
			vars[strings.TrimSuffix(name, ".variables.json")] = string(data)
		case strings.HasSuffix(name, ".graphql"):
			files[strings.TrimSuffix(name, ".graphql")] = string(data)
		}
	}
	return files, vars
}
