package completion

import "testing"

func BenchmarkCompleteGitHub(b *testing.B) {
	s := loadSDLFile(b, "github/schema.json")
	// The cursor after "nodes { ti" in the issues of githubQuery.
	text, off := cursor(`query RepoOverview($owner: String!, $name: String!, $first: Int = 10) {
  repository(owner: $owner, name: $name) {
    id
    nameWithOwner
    defaultBranchRef { name target { ... on Commit { oid committedDate } } }
    issues(first: $first, states: [OPEN], orderBy: {field: CREATED_AT, direction: DESC}) {
      totalCount
      nodes {
        number
        ti|
        author { login avatarUrl }
      }
    }
  }
}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, items := Complete(s, text, off); len(items) == 0 {
			b.Fatal("no completions")
		}
	}
}

func BenchmarkCompleteGitHubVariableType(b *testing.B) {
	s := loadSDLFile(b, "github/schema.json")
	text, off := cursor("query($order: Iss|")
	b.ReportAllocs()
	for b.Loop() {
		Complete(s, text, off)
	}
}
