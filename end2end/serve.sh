#!/usr/bin/env bash
# Starts Amapola for the browser journeys: a fresh SQLite file with the demo AMAPs.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(mktemp -d)
export DATABASE_URL="sqlite://$DIR/e2e.sqlite?mode=rwc"
# Mails go to the test command's SMTP sink when it runs (the password journey reads them).
export AMAPOLA_SMTP_URL="${AMAPOLA_TEST_SMTP_URL:-}"
BIN=${AMAPOLA_BIN:-${CARGO_TARGET_DIR:-target}/debug/amapola}
"$BIN" demo
exec "$BIN" serve --addr "127.0.0.1:${1:-3123}" --site-root target/site
