#!/usr/bin/env bash
# Regenerates the PNGs in screenshots/ from real runs: the built binary in tmux (120x36) against
# `toggle-explorer mock`, captured with `tmux capture-pane -e` and rendered by freeze. freeze's own
# PNG rasteriser crashes under Go 1.26 here, so freeze writes SVG and rsvg-convert makes the PNG
# (Debian: librsvg2-bin; fonts-jetbrains-mono for the font freeze asks for).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-bin/toggle-explorer}
FREEZE=${FREEZE:-go run github.com/charmbracelet/freeze@v0.2.2}
OUT=screenshots
# What the pictures need, checked before anything starts: the command, and the Debian package that
# has it. As root with apt-get they are installed; otherwise the script names them and stops.
missing=()
command -v tmux >/dev/null || missing+=(tmux)
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
# freeze draws with JetBrains Mono; without it the SVG falls back to a proportional font.
if ! command -v fc-list >/dev/null || ! fc-list 2>/dev/null | grep -qi "JetBrains Mono"; then
  missing+=(fonts-jetbrains-mono fontconfig)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "screenshots: installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "screenshots: missing ${missing[*]}; install them first, e.g.: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
command -v go >/dev/null || { echo "screenshots: go is missing (freeze runs with go run)" >&2; exit 1; }

work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
endpoint="http://127.0.0.1:$port/graphql"
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
run=0
sock="-L te-shots-$$-$run"
mock_pid=""
cleanup() {
  tmux $sock kill-server 2>/dev/null || true
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_mock() { # start_mock [extra mock flags...]
  "$BIN" mock --addr "127.0.0.1:$port" --token-ttl 60m "$@" >"$work/mock.out" 2>&1 &
  mock_pid=$!
  for _ in $(seq 50); do grep -q graphql "$work/mock.out" 2>/dev/null && return; sleep 0.1; done
  echo "mock did not start"; cat "$work/mock.out"; exit 1
}
stop_mock() { kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true; mock_pid=""; }

start_tui() { # start_tui [extra flags...]: a fresh tmux server for each run
  tmux $sock kill-server 2>/dev/null || true
  run=$((run + 1))
  sock="-L te-shots-$$-$run"
  tmux $sock new-session -d -s shots -x 120 -y 36 "$BIN --endpoint $endpoint --username demo --no-store $*"
  sleep 1
}
keys() { tmux $sock send-keys -t shots "$@"; sleep "${PAUSE:-0.6}"; }
shot() { # shot NAME [BACKGROUND]: capture the pane and render it on the terminal's background
  local bg=${2:-#171717}
  tmux $sock capture-pane -t shots -p -e >"$work/$1.ansi"
  # freeze keeps the last background after ESC[49m ("default background"), so a highlighted cell
  # would bleed to the end of its line in the picture: spell the default out as the background.
  local rgb="$((16#${bg:1:2}));$((16#${bg:3:2}));$((16#${bg:5:2}))"
  sed -i "s/\x1b\[49m/\x1b[48;2;${rgb}m/g" "$work/$1.ansi"
  (cd "$work" && $FREEZE "$1.ansi" -o "$1.svg" --window=false --background "$bg" >/dev/null 2>&1)
  rsvg-convert "$work/$1.svg" -o "$OUT/$1.png"
  echo "wrote $OUT/$1.png"
}
type_text() { tmux $sock send-keys -t shots -l "$1"; sleep 0.3; }

start_mock --rotate-after 3s
# 1. The login screen, password typed (masked).
start_tui
type_text "toggle-demo-password"
shot login
# 2. The workspace with a result: the balance of a seeded card.
keys Enter
for line in 'query Balance($ref: String!) {' 'Cards(card_reference: $ref) {' 'data {' 'card_reference' 'balance'; do
  type_text "$line"
  keys Enter
done
# Completion: the fields of Card that match what is typed, with their types and descriptions.
type_text 'e'
PAUSE=1 keys C-@
shot completion
keys Escape
keys BSpace
for line in 'initial_balance' 'expiry_time' 'used' 'product_name' '}' 'total' '}' '}'; do
  type_text "$line"
  keys Enter
done
keys Tab
type_text '{"ref": "6301190010000000002"}'
keys C-r
# Variables → Headers → Results.
keys Tab
PAUSE=1 keys Tab
shot workspace
# 3. Full help.
keys F1
shot help
keys Escape
# 4. The auth inspector: the token decoded, with its lifetime.
keys F2
shot inspector
keys Escape
# 5. Schema docs, searching as you type.
keys F3
type_text "balance"
shot docs
keys Escape
keys Escape
# 6. The saved queries (the starter collection is installed on first run).
keys C-o
type_text "rev"
shot saved-queries
keys Escape
# 7. An auth failure: the server restarts with a new signing key and another password, so the
#    token is refused although unexpired and the re-login is refused too.
stop_mock
start_mock --password rotated-elsewhere
keys S-Tab
keys S-Tab
keys S-Tab
PAUSE=1.5 keys C-r
shot auth-failure
# The inspector's timeline tells the whole story: login, rotation, refusal, what was tried.
keys F2
keys 2
shot timeline
keys Escape
# 7b. The doctor (inspector tab 4) against the hardest fake: rotation on every response with strict
#    revocation, only through X-Authorization, Bearer-prefixed tokens, Unauthorized as HTTP 401.
stop_mock
start_mock --rotate-after 1ns --strict --rotate-header x-authorization --bearer-prefix --unauth-status 401
start_tui
type_text "toggle-demo-password"
PAUSE=1 keys Enter
keys F2
keys 4
PAUSE=1.5 keys D
keys PageDown
shot doctor
# 8. The light theme.
stop_mock
start_mock
start_tui --theme toggle-light
type_text "toggle-demo-password"
keys Enter
type_text '{ Products(account_id: 1) { id name } }'
PAUSE=1 keys C-r
# A light theme is meant for a light terminal: render it on the theme's own background.
shot light-theme "$(sed -n 's/.*"background": *"\(#[0-9a-fA-F]*\)".*/\1/p' themes/builtin/toggle-light.json | head -1)"
# 9. The query builder: Cards(card_reference: $ref) { data { card_reference balance } total }
#    built from an empty editor without typing GraphQL.
stop_mock
start_mock
start_tui
type_text "toggle-demo-password"
PAUSE=1.5 keys Enter
keys F6
type_text "Cards"; keys Right; keys Escape
type_text "data"; keys Right; keys Escape
type_text "card_reference"; keys Enter
type_text '$ref'; keys Enter
keys Down; keys Down; keys Space; keys Escape
type_text "balance"; keys Space; keys Escape
type_text "total"; keys Space; keys Escape
shot builder
# 10. Working with results: a paginated list of cards (the title says "page 1 of N"), folded,
#     filtered with jq, and shown as a table.
stop_mock
start_mock
start_tui
type_text "toggle-demo-password"
PAUSE=1.5 keys Enter
type_text 'query Cards($page: Int, $limit: Int) { Cards(page: $page, limit: $limit) { data { card_reference balance initial_balance used product_name } total per_page } }'
keys Tab
type_text '{"limit": 6}'
PAUSE=1 keys C-r
# Variables → Headers → Results.
keys Tab
keys Tab
# Cursor on the first card, then fold every card (Z) and open the second one again.
for _ in 1 2 3 4 5 6; do keys j; done
keys Z
keys j
keys z
shot fold
keys x
# A jq filter applied as it is typed; its output replaces the response until esc.
keys '|'
type_text '.data.Cards.data[] | select(.balance > 0) | {card_reference, balance}'
PAUSE=1 keys Enter
shot filter
keys Escape
# The list at the cursor as a table, sorted by balance (descending).
for _ in 1 2 3 4 5 6 7 8; do keys j; done
PAUSE=1 keys t
keys l
keys s
PAUSE=1 keys s
shot table
keys Escape
# 11. Tabs: the demo balance query, a second tab with a products query, a third one empty; back
#     on tab 1.
stop_mock
start_mock
start_tui
type_text "toggle-demo-password"
PAUSE=1.5 keys Enter
type_text 'query Balance { Cards(page: 1, limit: 1) { total } }'
keys C-t
type_text 'query Products { Products(account_id: 1) { id name } }'
PAUSE=1 keys C-r
keys C-t
keys M-1
shot tabs
# 12. The environment picker (f7): two profiles, production protected (the status bar marks it
#     too). production's endpoint is never contacted: the picker only lists it.
stop_mock
start_mock
mkdir -p "$XDG_CONFIG_HOME/toggle-explorer"
cat >"$XDG_CONFIG_HOME/toggle-explorer/config.toml" <<TOML
default_profile = "staging"
[profiles.staging]
endpoint = "$endpoint"
username = "demo"
[profiles.staging.headers]
X-Tenant = "staging"
[profiles.production]
endpoint = "https://api.toggle.example/graphql"
username = "till-integration"
protected = true
TOML
start_tui --profile staging
type_text "toggle-demo-password"
PAUSE=1.5 keys Enter
keys F7
shot environments
rm "$XDG_CONFIG_HOME/toggle-explorer/config.toml"
