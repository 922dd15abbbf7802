package schema

import (
	"slices"
	"strings"
	"testing"
)

// githubQuery is a realistic 30-line query against GitHub's public schema.
const githubQuery = `query RepoOverview($owner: String!, $name: String!, $first: Int = 10) {
  repository(owner: $owner, name: $name) {
    id
    nameWithOwner
    description
    stargazerCount
    forkCount
    defaultBranchRef { name target { ... on Commit { oid committedDate } } }
    issues(first: $first, states: [OPEN], orderBy: {field: CREATED_AT, direction: DESC}) {
      totalCount
      nodes {
        number
        title
        createdAt
        author { login avatarUrl }
        labels(first: 5) { nodes { name color } }
      }
      pageInfo { hasNextPage endCursor }
    }
    pullRequests(first: $first, states: OPEN) {
      nodes { number title isDraft mergeable author { login } }
    }
    languages(first: 5, orderBy: {field: SIZE, direction: DESC}) {
      edges { size node { name color } }
    }
    ...RepoOwner
  }
}
fragment RepoOwner on Repository { owner { login url } }
`

func TestGitHubSchema(t *testing.T) {
	sdl := loadSDLFile(t, "github/schema.graphql")
	js := loadSDLFile(t, "github/schema.json")

	t.Run("loads", func(t *testing.T) {
		for name, s := range map[string]*Schema{"SDL": sdl, "JSON": js} {
			if n := len(s.AST().Types); n < 1550 || n > 1700 {
				t.Errorf("%s: %d types, want about 1,600", name, n)
			}
			if q, m, _ := s.Roots(); q != "Query" || m != "Mutation" {
				t.Errorf("%s: roots %s %s", name, q, m)
			}
		}
		w := strings.Join(sdl.Warnings(), "\n")
		if !strings.Contains(w, "field EnterpriseOwnerInfo.repositoryDeployKeySetting is defined more than once") {
			t.Errorf("SDL warnings lack the known duplicate:\n%s", w)
		}
		if len(js.Warnings()) != 0 {
			t.Errorf("JSON warnings: %v", js.Warnings())
		}
	})

	t.Run("validates", func(t *testing.T) {
		for name, s := range map[string]*Schema{"SDL": sdl, "JSON": js} {
			if d := s.Validate(githubQuery); len(d) != 0 {
				t.Errorf("%s: %v", name, d)
			}
			if d := s.Validate(strings.Replace(githubQuery, "stargazerCount", "stargazers_count", 1)); len(d) != 1 || d[0].Line != 6 || d[0].Column != 5 {
				t.Errorf("%s: %v", name, d)
			}
		}
	})

	t.Run("searches", func(t *testing.T) {
		es := js.Search("repository", 5)
		if len(es) != 5 || es[0].Kind != "type" || es[0].Type != "Repository" || es[1].Kind != "field" {
			t.Errorf("Search(repository) = %+v", es)
		}
		es = js.Search("star", 20)
		if len(es) != 20 || es[0].Type != "StarOrder" || !strings.HasPrefix(es[19].Field, "start") {
			t.Errorf("Search(star): types first, then shorter names: %+v", es)
		}
		es = js.Search("stargazerc", 5)
		if len(es) != 5 || es[0].Type != "StargazerConnection" || slices.ContainsFunc(es[1:], func(e DocEntry) bool { return e.Field != "stargazerCount" }) {
			t.Errorf("Search(stargazerc) = %+v", es)
		}
		if td, ok := js.TypeDoc("Repository"); !ok || len(td.Fields) < 100 || len(td.Interfaces) == 0 {
			t.Errorf("TypeDoc(Repository): %d fields, %v", len(td.Fields), td.Interfaces)
		}
	})
}
