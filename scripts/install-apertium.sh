#!/usr/bin/env bash
# Install Debian's Apertium with the English–Spanish pair (modes eng-spa and spa-eng),
# which machine-translates practices whose other language is missing.
set -euo pipefail
if command -v apertium >/dev/null && apertium -l | grep -qx '\s*eng-spa' \
   && apertium -l | grep -qx '\s*spa-eng'; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Apertium is missing: run 'sudo apt-get install -y apertium apertium-en-es'" \
       "(without it search works, but practices are not machine-translated)." >&2
  exit 0  # optional: search works without it, and `search status` warns
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apertium apertium-en-es >/dev/null
