#!/usr/bin/env bash
# Installs the Debian packages vigil needs to build and test; does nothing when they are present.
set -euo pipefail
packages=(gcc make cmake pkg-config libxml2-dev libutf8proc-dev libjansson-dev libsqlite3-dev python3 python3-jsonschema iso-codes)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
