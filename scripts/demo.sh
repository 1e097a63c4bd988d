#!/usr/bin/env bash
# npm run demo: build, then scripts/demo.ts (sandbox + n8n with the package, credential and templates).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Node itself runs the demo, with tsx only as its TypeScript loader: tsx's own CLI would stand
# between the signal and the demo and SIGKILL it when it does not exit within 30 ms of a SIGTERM,
# before the demo has stopped n8n (which runs in its own process group).
exec node --import tsx scripts/demo.ts "$@"
