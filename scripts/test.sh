#!/usr/bin/env bash
# `npm test` on any machine: Node 24, the toolchain, then jest (unit + in-engine suites).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
bash scripts/install.sh
exec node node_modules/jest/bin/jest.js "$@"
