#!/usr/bin/env bash
# `npm run setup`: everything a fresh Debian/Ubuntu machine needs before `npm start` or
# `npm test`: the Debian packages (installed when run as root), then `npm ci`, which also
# builds the native modules (better-sqlite3, pcsclite, node-hid) for this Node.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$here/build/scripts/system-deps.sh"
cd "$here"
npm ci --no-audit --no-fund
