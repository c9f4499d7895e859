#!/usr/bin/env bash
# Installs what tests/export.test.sh parses paperdex's exports with: Debian's python3-bibtexparser and
# python3-pylatexenc (read by /usr/bin/python3, Debian's interpreter) and the pinned citation-js packages in
# tests/export/node_modules (npm ci from package-lock.json; once installed, the test runs offline). Only what is
# missing.
set -euo pipefail
cd "$(dirname "$0")"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=()
for p in python3-bibtexparser python3-pylatexenc; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d node_modules/@citation-js/plugin-ris ] || [ ! -d node_modules/@citation-js/plugin-bibtex ]; then
  npm ci --no-audit --no-fund
fi
