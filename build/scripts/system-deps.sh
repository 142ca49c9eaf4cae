#!/usr/bin/env bash
# Makes sure the Debian packages in build/system-packages.txt are installed.
# As root it installs the missing ones; otherwise it prints the one line to run and fails.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$here/build/system-packages.txt")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
# As root: the unprivileged system user the browser shell runs its kiosk Chromium as when
# Madoguchi itself runs as root (main/browser-shell/launch-chromium.ts); never --no-sandbox.
browser_user=madoguchi-browser
if [ "$(id -u)" -eq 0 ] && ! id -u "$browser_user" >/dev/null 2>&1; then
  echo "Adding the system user $browser_user (the kiosk browser never runs as root)"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$browser_user"
fi
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Madoguchi needs these Debian packages first. Run:"
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
