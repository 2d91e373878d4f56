#!/usr/bin/env bash
# Installs the dev toolchain from the lockfile when node_modules is missing or older than it.
# Install scripts stay off (.npmrc): @n8n/node-cli pulls a package whose preinstall rejects npm.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
	echo "› npm ci (Node $(node --version))" >&2
	# --prefer-offline: use cached tarballs without asking the registry again (a flaky mirror
	# otherwise costs minutes of retries per package); a machine without a cache fetches as usual.
	npm ci --prefer-offline --no-audit --no-fund >&2
fi
