#!/usr/bin/env bash
# The browser tests (tests/web) drive Debian's Chromium: install it when the machine lacks it, so `npm test`
# needs no manual step. CHROMIUM_PATH points the tests at another build.
set -uo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "Chromium assente: installazione del pacchetto Debian chromium per i test del browser…"
  apt-get install -y chromium > /dev/null || { apt-get update > /dev/null && apt-get install -y chromium > /dev/null; } && exit 0
fi
echo "Chromium non trovato in $browser: installare il pacchetto Debian chromium (apt-get install chromium) o indicare CHROMIUM_PATH." >&2
exit 1
