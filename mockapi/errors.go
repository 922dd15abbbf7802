package mockapi

// Business-rule messages. The first four are Toggle's own wording (academy "Troubleshooting
// POS errors"); the till message adapts "external_site_id" to the GraphQL argument name; the
// rest are ours ([I]) in the same style. All are safe to show a till operator.
const (
	msgNegativeBalance    = "Applying this transaction would have resulted in a negative balance. Transaction not applied."
	msgDuplicateReference = "Duplicate reference supplied"
	msgCardNotFound       = "No card has been found for this account for the card ref supplied. Transaction not applied."
	msgUnknownTill        = "The unit_epos_reference supplied was not recognised for this account."
	msgCardExpired        = "This card has expired. Transaction not applied."
	msgCardNotYetValid    = "This card is not valid yet. Transaction not applied."
	msgAlreadyReversed    = "This line item has already been reversed. Transaction not applied."
	msgReverseReversal    = "A reversal cannot be reversed. Transaction not applied."
)

// Technical messages (customer_facing false).
const (
	msgUnauthorized     = "Unauthorized"
	msgInvalidLogin     = "Invalid credentials"
	msgThrottled        = "Throttled"
	msgValidation       = "validation"
	msgRequired         = "This field is required"
	msgInvalidSelection = "The selected value is invalid"
)

// apiError is an error a resolver returns; the server renders it in Toggle's shape, with
// customer_facing and validation at the top level of the error object.
type apiError struct {
	message        string
	customerFacing bool
	validation     map[string][]string
}

func (e *apiError) Error() string { return e.message }

// businessError is a rule violation worth showing the customer or till operator.
func businessError(msg string) *apiError { return &apiError{message: msg, customerFacing: true} }

// technicalError is an error for the integrator, not the customer.
func technicalError(msg string) *apiError { return &apiError{message: msg} }

// validationErrors collects field -> messages, keyed Laravel-style ("order_items.0.product_id").
type validationErrors map[string][]string

func (v validationErrors) add(field, msg string) { v[field] = append(v[field], msg) }

// err returns the documented `message: "validation"` error, or nil when nothing was added.
func (v validationErrors) err() error {
	if len(v) == 0 {
		return nil
	}
	return &apiError{message: msgValidation, validation: v}
}
