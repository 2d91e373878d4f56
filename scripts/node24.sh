# Sourced by the project's scripts: puts a Node >= 22.20 first on PATH, fetching Node 24 from the
# npm registry when the machine's own Node is older (n8n 2.x, n8n-core and nock 15 need it).
node_ok() {
	node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=20)?0:1)' 2>/dev/null
}
if ! node_ok; then
	NODE24_DIR="${NODE24_DIR:-$HOME/.cache/n8n-nodes-assignments/node24}"
	if [ ! -x "$NODE24_DIR/node_modules/node/bin/node" ]; then
		echo "› Node $(node --version 2>/dev/null || echo none) is too old; fetching Node 24 from the npm registry into $NODE24_DIR" >&2
		mkdir -p "$NODE24_DIR"
		# The node package needs its install script (it installs the platform binary).
		(cd "$NODE24_DIR" && npm init -y >/dev/null && npm i --no-save --prefer-offline --no-audit --no-fund --ignore-scripts=false node@24 >&2)
	fi
	export PATH="$NODE24_DIR/node_modules/node/bin:$PATH"
	node_ok || { echo "Could not obtain Node >= 22.20" >&2; exit 1; }
fi
