#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, from the npm registry) into DIR, with nothing downloaded from
# anywhere but the npm registry: tests/editors/test_vscode.py runs the extension in it, and docs/editors.md
# describes the set-up. Usage: editors/vscode/install-code-server.sh DIR   (then DIR/bin/code-server)
#
# code-server 4.99.4 (VS Code 1.99) is the newest release that runs on Node.js 20, the machine's Node.js; later
# ones need Node.js 22 or 24. Its postinstall step builds native modules (node-gyp against the headers Node.js
# ships in /usr/include/node; kerberos needs libkrb5-dev) and downloads ripgrep from GitHub, which is not
# reachable here: so the steps of its postinstall.sh are run one by one, with Debian's ripgrep in place of the
# download (@vscode/ripgrep skips its download when its bin/ folder exists).
set -euo pipefail
VERSION=4.99.4
dir=$(realpath -m "${1:?usage: $0 DIR}")
rg=$(command -v rg) || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
npm install --silent --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
npm rebuild --silent argon2  # code-server's own native dependency (its password hashing)
vscode="$dir/node_modules/code-server/lib/vscode"
cd "$vscode"
npm install --silent --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$rg" node_modules/@vscode/ripgrep/bin/rg
# The install scripts skipped above: native modules built here, ripgrep's download skipped; node-pty's script runs
# `npx node-gyp`, which would stop to ask before it fetches node-gyp from the registry.
npm_config_yes=true npm rebuild --silent
cd extensions
npm install --silent --no-audit --no-fund --omit=dev >/dev/null  # its postinstall lists each file it trims
mkdir -p "$dir/bin"
ln -sf ../node_modules/code-server/out/node/entry.js "$dir/bin/code-server"
