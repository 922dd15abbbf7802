// Package mockapi is a faithful, deterministic fake of Toggle's partner GraphQL API (gift
// cards), used by `toggle-explorer mock`, `--demo` and the project's integration tests.
// It imports nothing from this module: it stands in for a foreign server.
//
// What it reproduces from the docs (design/toggle-api.md): loginUser as a query returning
// the JWT in the X-Authorization and Authorization response headers; `Authorization: Bearer`
// on every other operation; the exact Unauthorized body (no data key); 60-minute HS256
// tokens that rotate through response headers; error objects with message, locations and
// customer_facing (and a validation map, message "validation") at the top level; the
// documented business rules and messages; extensions.cost with a throttle bucket; Int pence,
// `Y-m-d H:i:s` UTC times, 19-digit 63011900 card numbers, page/limit pagination.
//
// Decisions where the docs are silent ([I] in toggle-api.md):
//
//   - HTTP status is 200 for every GraphQL-level answer, including business and validation
//     errors and Throttled; Unauthorized uses Config.UnauthStatus (200 or 401). A malformed
//     body is 400, a body over 1 MiB 413, both with a GraphQL-shaped error.
//   - Validation (graphql-go's) runs before authentication, because Toggle's Unauthorized
//     error points at a field. Its location is that of the first root field needing a token.
//   - Introspection (__schema, __type) needs a token; __typename is free.
//   - A document that mixes loginUser with protected fields, sent without a valid token, runs
//     loginUser (and issues a token) and answers each protected field null with an
//     Unauthorized error (status 200). If it also holds introspection, the whole request is
//     the plain Unauthorized answer.
//   - Strict rotation has no grace period: the superseded token fails from the moment its
//     successor is issued, even for requests already in flight. Only rotation supersedes;
//     logins never invalidate earlier tokens.
//   - Rotation is off by default. Rotate with RotateAfter 0 rotates on every authorized
//     response, as Laravel-style JWT refresh middleware does; claims are whole seconds, so the
//     tokens of one second tie on iat and exp. Server.Log records every login, refusal and
//     authorized request with token fingerprints, so tests count from the fake's own view.
//   - Variants a client's doctor must tell apart (doctor_modes.go), all off by default:
//     Config.Grace keeps a superseded token working for a while under Strict;
//     Config.AcceptBareToken also takes "Authorization: <jwt>"; Config.LoginHeader answers a
//     login in one header only. Other schemes ("Token <jwt>") are always refused.
//   - Error objects carry no `path` (no documented example has one).
//   - Accounts(page, limit) returns the same {data, total, per_page} wrapper as Cards;
//     Products returns a bare list, as in the docs' example.
//   - Page size defaults to 10, at most 100; page is 1-based; out-of-range values are
//     validation errors.
//   - Cost: every selected field costs 1 (__typename 0); under Cards, LineItems and Accounts
//     the fields inside `data` count once per item of `limit`. Each user has a leaky bucket
//     (ThrottleMax, default 8000; refill ThrottleRefillPerSecond, default 50). A request whose
//     cost exceeds what is left gets {"message":"Throttled","customer_facing":false} at the
//     first protected field, no data, and extensions.cost with the cost it would have had.
//     extensions.cost appears on every response to a request authorized by a token, and on
//     no other.
//   - createOrder: total must equal the sum over items of (value - discounts), plus the
//     price of group_fulfilment_postage_category_id when given; a mismatch is a validation
//     error on "total" that names the expected amount. Input problems are all reported at
//     once in the validation map (Laravel-style keys such as "order_items.0.product_id")
//     before any business rule runs.
//   - Business rules, first failure wins: unknown card, unknown till, duplicate reference,
//     expired card (debits and credits), not-yet-valid card (debits), negative balance.
//     merchant_transaction_reference is unique across orders, adjustments and reversals;
//     an absent one is not checked. Card lookups accept the card_alias_card_reference too.
//   - Tender/discount: a card's ValueSplit is its current balance split; a redemption takes
//     from both in proportion (rounding favours tender); a top-up is all tender; a reversal
//     restores the original line's split. LineItem and BalanceAdjustment values are signed
//     balance movements and their ValueSplit has the same sign.
//   - Card.used becomes true at the first redemption and stays true; first_top_up_value is
//     the tender part of the issue value (0 for a gratuity card).
//   - Reversal of a sale or a top-up debits the card (so it can hit the negative-balance
//     rule); a line item is reversible once; a reversal line cannot be reversed; a reversal
//     of several items is all or nothing. shipping_refund is accepted and ignored.
//   - Faults: a 502 is decided before the request runs (the API never saw it); a truncated
//     answer is cut after the request has run (state changed, answer lost).
//   - Seeded data lives relative to the start of the server's (skewed) day at New, so
//     "expired" and "not yet valid" stay true whatever the clock. The docs' example card
//     number 6301190000000000001 and reference "T-0001" are left free so the docs' example
//     operations run as written; seeded references are T-1001..T-1012 (sales) and
//     T-2002, T-2003, T-2010 (redemptions).
package mockapi
