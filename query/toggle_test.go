package query

// toggleDoc holds the example operations from Toggle's API documentation.
const toggleDoc = `query Login($username: String, $email: String, $password: String!) {
  loginUser(username: $username, email: $email, password: $password) { id }
}
query Balance($ref: String!) {
  Cards(card_reference: $ref, page: 1, limit: 1) {
    data { card_reference balance initial_balance expiry_time used product_name }
    total per_page
  }
}
mutation Redeem($ref: String!, $till: String, $txn: String) {
  createBalanceAdjustment(card_reference: $ref, value: -1000, currency: "GBP",
                          merchant_id: 26, unit_epos_reference: $till,
                          merchant_transaction_reference: $txn) {
    id value LineItem { id Card { card_reference balance } } ValueSplit { tender discount }
  }
}
`

// cardRef is a 19-digit card reference: more digits than a float64 holds.
const cardRef = "6301234567890123457"

// mustParse parses text or fails the test.
func mustParse(t interface {
	Helper()
	Fatalf(string, ...any)
}, text string) *Document {
	t.Helper()
	d, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}
