package schema

import (
	"os"
	"testing"
)

// readGitHub returns a GitHub schema fixture's bytes.
func readGitHub(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile("testdata/schema/github/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkLoadSDLGitHub(b *testing.B) {
	text := string(readGitHub(b, "schema.graphql"))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadSDL("schema.graphql", text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadIntrospectionGitHub(b *testing.B) {
	data := readGitHub(b, "schema.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadIntrospection(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchGitHub3Letters(b *testing.B) {
	s := loadSDLFile(b, "github/schema.json")
	b.ReportAllocs()
	for b.Loop() {
		if len(s.Search("rep", 50)) != 50 {
			b.Fatal("too few results")
		}
	}
}

func BenchmarkSearchGitHubLong(b *testing.B) {
	s := loadSDLFile(b, "github/schema.json")
	b.ReportAllocs()
	for b.Loop() {
		if len(s.Search("pullrequestreview", 50)) == 0 {
			b.Fatal("no results")
		}
	}
}

func BenchmarkValidateGitHub30Lines(b *testing.B) {
	s := loadSDLFile(b, "github/schema.json")
	b.ReportAllocs()
	for b.Loop() {
		if d := s.Validate(githubQuery); len(d) != 0 {
			b.Fatal(d)
		}
	}
}
