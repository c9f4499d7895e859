#!/usr/bin/env bash
# Installs the Debian packages paperdex builds, tests and serves with, only those that are missing (libjs-katex:
# the web page's math, served by paperdex from /usr/share/javascript/katex).
# usage: tools/install-deps.sh [extra-package...]
set -euo pipefail
pkgs=(cmake g++ make pkg-config libxapian-dev xapian-tools libicu-dev nlohmann-json3-dev libcpp-httplib-dev
      doctest-dev zlib1g-dev libcli11-dev curl python3 strace libjs-katex
      python3-bibtexparser python3-pylatexenc "$@")  # tests/export.test.sh reads BibTeX with these
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
