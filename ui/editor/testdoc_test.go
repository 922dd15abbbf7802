package editor

import (
	"fmt"
	"strings"
)

// graphqlDoc returns a realistic GraphQL document of exactly n lines: queries
// and mutations with variables, directives, comments, nested selections,
// fragments and multi-line block strings, like a saved-queries file grown
// over time.
func graphqlDoc(n int) string {
	var lines []string
	for i := 0; len(lines) < n; i++ {
		block := fmt.Sprintf(`# Gift cards of customer %[1]d, newest first.
query GiftCards%[1]d($customerId: ID!, $first: Int = 20, $after: String) {
  customer(id: $customerId) {
    id
    name
    giftCards(first: $first, after: $after, filter: {status: ACTIVE, currency: "EUR"}) @include(if: true) {
      edges {
        node {
          ...GiftCardFields
          balance { amount currency }
          issuedAt # RFC 3339
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}

mutation AddNote%[1]d($cardId: ID!) {
  addGiftCardNote(cardId: $cardId, text: """
    Customer called about card %[1]d.
    Balance checked; "quoted" words and a # are fine in here.
  """) {
    id
    createdAt
  }
}

fragment GiftCardFields on GiftCard {
  id
  code
  status
}
`, i)
		lines = append(lines, strings.Split(block, "\n")...)
	}
	return strings.Join(lines[:n], "\n")
}
