#!/usr/bin/env bash
# Frontend check: install the pinned npm packages from package-lock.json, then ESLint, the
# vitest unit tests, the esbuild bundles, and a failure when the committed bundles
# (static/widget/widget.js, static/console/console.js) differ from a fresh build.
# Needs Node 20.19+ with npm and the npm registry; nothing else of the product.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "js_check: node and npm are needed (Node 20.19 or later)" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "js_check: Node $(node --version) is too old; the pinned tools need 20.19 or later" >&2
  exit 1
fi

npm ci --no-audit --no-fund
npm run check
