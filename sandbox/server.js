#!/usr/bin/env node
'use strict';
// The local vendor sandbox: one loopback HTTP server imitating the assignment APIs of Kantata OX,
// Smartsheet Resource Management, Xurrent and Paymo under path prefixes, so that each credential's
// base URL points at its prefix. Stateful, seeded, with injectable faults and real rate limits.
// Node built-ins only. See sandbox/README.md.

const http = require('node:http');

const constants = require('./constants');
const { createFaults } = require('./lib/faults');
const { readBody, parseBody, queryObject, json } = require('./lib/http');
const { createRandom } = require('./lib/random');
const { createLimiter } = require('./lib/rateLimit');

const VENDORS = [
	require('./vendors/kantata/api'),
	require('./vendors/rm/api'),
	require('./vendors/xurrent/api'),
	require('./vendors/paymo/api'),
];

const DEFAULT_SIZE = 500;
const HEADERS_OF_INTEREST = [
	'accept',
	'content-type',
	'user-agent',
	'x-xurrent-account',
	'x-4me-account',
];

const sizeFor = (size, vendor) =>
	typeof size === 'object' && size !== null
		? (size[vendor] ?? DEFAULT_SIZE)
		: (size ?? DEFAULT_SIZE);

/** Per-vendor limiter config: the vendor's default, overridden or switched off (false). */
function limitFor(rateLimit, vendor) {
	if (rateLimit === false) return null;
	const own = rateLimit?.[vendor.name];
	if (own === false || own === null) return null;
	const config = own ?? vendor.defaultRateLimit;
	return config ? { ...vendor.defaultRateLimit, ...config } : null;
}

/** Which vendor serves a path, and the path below its mount point. */
function route(pathname) {
	for (const vendor of VENDORS) {
		for (const mount of [vendor.prefix, ...(vendor.extraMounts ?? [])]) {
			if (pathname === mount || pathname.startsWith(`${mount}/`)) {
				return { vendor, mount, path: pathname.slice(mount.length) || '/' };
			}
		}
	}
	return undefined;
}

/**
 * Starts a sandbox on 127.0.0.1.
 * @param {object} [options]
 * @param {number} [options.port=0]          0 picks a free port
 * @param {number|string} [options.seed=1]   same seed, same data
 * @param {number|object} [options.size=500] assignments per vendor, or { kantata, rm, xurrent, paymo }
 * @param {object} [options.faults]          see lib/faults.js
 * @param {number|number[]} [options.latencyMs] fixed delay, or [min, max]
 * @param {false|object} [options.rateLimit] per vendor { limit, windowSeconds } or false; false switches all off
 * @param {number} [options.maxLog=100000]   request-log entries kept (oldest dropped first)
 * @param {(entry: object) => void} [options.onRequest] called with each log entry
 */
async function createSandbox(options = {}) {
	const seed = options.seed ?? 1;
	const maxLog = options.maxLog ?? 100_000;
	const faults = createFaults(options.faults, seed);
	const latencyRandom = createRandom(`latency:${seed}`);
	let latency = options.latencyMs ?? 0;
	const requests = [];
	const state = {};
	const limiters = {};
	const timers = new Set();
	let sequence = 0;
	let origin = '';

	// Each vendor's data is seeded on first use, so a benchmark of one vendor at 100,000
	// assignments does not wait for the other three to be generated.
	function seedAll() {
		for (const vendor of VENDORS) {
			let data;
			Object.defineProperty(state, vendor.name, {
				configurable: true,
				enumerable: true,
				get: () => (data ??= vendor.seed(seed, sizeFor(options.size, vendor.name))),
			});
			const config = limitFor(options.rateLimit, vendor);
			limiters[vendor.name] = config ? createLimiter(config) : null;
		}
	}
	seedAll();

	const wait = (ms) =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	function delay() {
		if (Array.isArray(latency))
			return latency[0] + Math.floor(latencyRandom() * (latency[1] - latency[0] + 1));
		return Number(latency) || 0;
	}

	function record(entry) {
		requests.push(entry);
		if (requests.length > maxLog) requests.splice(0, requests.length - maxLog);
		options.onRequest?.(entry);
	}

	/** Sends the answer; `cutOff` sends the headers and half the body, then destroys the socket. */
	function write(res, response, entry, cutOff = false) {
		entry.status = response.status;
		entry.durationMs = Date.now() - entry.started;
		delete entry.started;
		record(entry);
		if (res.destroyed) return;
		const headers = { ...response.headers };
		let payload = '';
		if (response.body !== undefined && !response.empty) {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		} else if (response.text !== undefined) {
			payload = response.text;
		}
		headers['content-length'] = Buffer.byteLength(payload);
		res.writeHead(response.status, headers);
		if (!cutOff) return res.end(payload);
		const half = Buffer.from(payload).subarray(0, Math.floor(Buffer.byteLength(payload) / 2));
		res.write(half, () => res.destroy());
	}

	async function onRequest(req, res) {
		const url = new URL(req.url, origin);
		const target = route(url.pathname);
		const entry = {
			seq: ++sequence,
			at: new Date().toISOString(),
			started: Date.now(),
			vendor: target?.vendor.name ?? null,
			method: req.method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: Object.fromEntries(
				HEADERS_OF_INTEREST.filter((h) => req.headers[h] !== undefined).map((h) => [
					h,
					req.headers[h],
				]),
			),
			auth: { present: false, valid: false },
			body: undefined,
			status: null,
			fault: null,
		};
		let raw;
		try {
			raw = await readBody(req);
		} catch {
			return write(res, json(413, { message: 'Request body too large' }), entry);
		}
		if (!target) {
			const mounts = VENDORS.map((v) => v.prefix);
			return write(
				res,
				json(404, { message: 'No sandbox vendor at this path', vendors: mounts }),
				entry,
			);
		}
		const { vendor } = target;
		const parsed = parseBody(raw, req.headers['content-type']);
		entry.body = parsed.ok ? parsed.value : raw.toString('utf8');
		const ctx = {
			state: state[vendor.name],
			method: req.method,
			path: target.path,
			mount: target.mount,
			prefix: vendor.prefix,
			query: entry.query,
			headers: req.headers,
			body: parsed.value,
			origin,
		};
		ctx.auth = vendor.authenticate(ctx);
		entry.auth = ctx.auth;
		const ms = delay();
		if (ms > 0) await wait(ms);

		const limiter = limiters[vendor.name];
		const fault = faults.next(vendor.name);
		if (fault?.type === 'redirect') {
			entry.fault = fault.type;
			const location = `${fault.to ?? ''}${req.url}`;
			return write(res, { status: fault.status, headers: { location }, text: '' }, entry);
		}
		if (fault && fault.type !== 'cut-off') {
			entry.fault = fault.type;
			if (fault.type === 'drop') {
				entry.durationMs = Date.now() - entry.started;
				delete entry.started;
				record(entry);
				req.socket.destroy();
				return undefined;
			}
			const headers =
				fault.status === 429 && limiter
					? vendor.rateLimitHeaders({ ...limiter.peek(), remaining: 0 })
					: {};
			if (fault.retryAfterSeconds !== undefined)
				headers['retry-after'] = String(fault.retryAfterSeconds);
			return write(res, json(fault.status, vendor.errorBody(fault.status), headers), entry);
		}
		let limitHeaders = {};
		if (limiter && !vendor.isUnmetered?.(ctx)) {
			const info = limiter.take();
			limitHeaders = vendor.rateLimitHeaders(info);
			if (!info.allowed) {
				entry.fault = 'rate-limit';
				const headers = {
					...limitHeaders,
					...(vendor.retryAfterOn429 ? { 'retry-after': String(info.retryAfterSeconds) } : {}),
				};
				return write(res, json(429, vendor.errorBody(429), headers), entry);
			}
		}
		let response;
		if (!parsed.ok) response = vendor.invalidJson();
		else {
			try {
				response = vendor.handle(ctx);
			} catch (error) {
				// A bug in the sandbox must not look like a vendor answer.
				response = json(
					500,
					{ message: `sandbox error: ${error.message}` },
					{ 'x-sandbox-error': 'true' },
				);
			}
		}
		response.headers = { ...limitHeaders, ...response.headers };
		// A cut-off answer: the request was carried out, the client cannot know it.
		if (fault) entry.fault = fault.type;
		return write(res, response, entry, Boolean(fault));
	}

	const server = http.createServer((req, res) => {
		onRequest(req, res).catch((error) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: `sandbox error: ${error.message}` }));
		});
	});
	// Keep-alive sockets would otherwise hold close() open.
	server.keepAliveTimeout = 2_000;

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address();
	origin = `http://127.0.0.1:${port}`;

	const vendors = {
		kantata: {
			baseUrl: `${origin}${constants.kantata.prefix}`,
			accessToken: constants.kantata.accessToken,
		},
		rm: { baseUrl: `${origin}${constants.rm.prefix}`, apiToken: constants.rm.apiToken },
		xurrent: {
			baseUrl: `${origin}${constants.xurrent.prefix}`,
			accessToken: constants.xurrent.accessToken,
			accountId: constants.xurrent.accountId,
			tokenUrl: `${origin}${constants.xurrent.tokenPath}`,
			clientId: constants.xurrent.clientId,
			clientSecret: constants.xurrent.clientSecret,
		},
		paymo: { baseUrl: `${origin}${constants.paymo.prefix}`, apiKey: constants.paymo.apiKey },
	};

	let closing;
	return {
		url: origin,
		port,
		vendors,
		requests,
		state,
		/** Empties the request log (the same array stays referenced). */
		clearRequests() {
			requests.length = 0;
		},
		/** Back to the seeded data, fresh rate-limit windows and an empty log. */
		reset() {
			seedAll();
			requests.length = 0;
		},
		setFaults(next) {
			faults.set(next);
		},
		/**
		 * One-shot faults for the next matching requests: [{ type: '429'|'429-no-retry-after'|'5xx'|
		 * 'drop'|'cut-off'|'redirect', vendor?, status?, retryAfterSeconds?, to? }]. A redirect
		 * points at the same path and query on `to` (an origin), or relative when `to` is absent.
		 */
		injectFaults(list) {
			faults.enqueue(list);
		},
		setLatency(ms) {
			latency = ms;
		},
		/**
		 * Runs one authorised request against a vendor's data without HTTP, synchronously: a test
		 * can change the data between two pages of a client's list (e.g. from `onRequest`).
		 */
		direct(vendorName, { method, path, query = {}, body }) {
			const vendor = VENDORS.find((v) => v.name === vendorName);
			if (!vendor) throw new Error(`unknown vendor ${vendorName}`);
			return vendor.handle({
				state: state[vendor.name],
				method,
				path,
				mount: vendor.prefix,
				prefix: vendor.prefix,
				query,
				headers: { accept: 'application/json', 'content-type': 'application/json' },
				body,
				origin,
				auth: { present: true, valid: true, tokenValid: true },
			});
		},
		close() {
			closing ??= new Promise((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

// ---------------------------------------------------------------- command line

const USAGE = `Usage: node sandbox/server.js [options]
  --port N                       port on 127.0.0.1 (default 4010; 0 = any free port)
  --seed S                       data seed (default 1)
  --size N                       assignments per vendor (default ${DEFAULT_SIZE})
  --latency MS | MIN-MAX         delay every answer
  --fault-429 F                  fraction of requests answered 429 with Retry-After
  --fault-429-no-retry-after F   fraction answered 429 without Retry-After
  --fault-5xx F                  fraction answered 502/503/504
  --fault-drop F                 fraction of connections dropped without an answer
  --fault-cut-off F              fraction carried out, then the answer cut off mid-body
  --retry-after S                Retry-After of injected 429s (default 1)
  --fault-vendors a,b            limit injected faults to these vendors (kantata,rm,xurrent,paymo)
  --rate-limit VENDOR=N/SECONDS  e.g. paymo=5/5 (defaults: rm 120/60, xurrent 3600/3600, paymo 5/5)
  --no-rate-limit                no rate limits (and no rate-limit headers)
  --log                          print one line per request`;

function parseArgs(argv) {
	const out = { port: 4010, faults: {}, rateLimit: {}, log: false };
	const fraction = {
		'--fault-429': 'rate429',
		'--fault-429-no-retry-after': 'rate429NoRetryAfter',
		'--fault-5xx': 'rate5xx',
		'--fault-drop': 'drop',
		'--fault-cut-off': 'cutOff',
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
			return argv[++i];
		};
		if (arg === '--help' || arg === '-h') out.help = true;
		else if (arg === '--port') out.port = Number(value());
		else if (arg === '--seed') out.seed = value();
		else if (arg === '--size') out.size = Number(value());
		else if (arg === '--latency') {
			const [min, max] = value().split('-').map(Number);
			out.latencyMs = max === undefined ? min : [min, max];
		} else if (fraction[arg]) out.faults[fraction[arg]] = Number(value());
		else if (arg === '--retry-after') out.faults.retryAfterSeconds = Number(value());
		else if (arg === '--fault-vendors') out.faults.vendors = value().split(',');
		else if (arg === '--no-rate-limit') out.rateLimit = false;
		else if (arg === '--rate-limit') {
			const match = /^(\w+)=(\d+)\/(\d+(?:\.\d+)?)$/.exec(value());
			if (!match) throw new Error('--rate-limit expects VENDOR=N/SECONDS');
			if (out.rateLimit)
				out.rateLimit[match[1]] = { limit: Number(match[2]), windowSeconds: Number(match[3]) };
		} else if (arg === '--log') out.log = true;
		else throw new Error(`unknown option ${arg}`);
	}
	return out;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error.message}\n${USAGE}`);
		process.exit(2);
	}
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const sandbox = await createSandbox({
		...args,
		onRequest: args.log
			? (e) =>
					console.log(
						`${e.at} ${e.method} ${e.path} → ${e.status ?? 'dropped'}${e.fault ? ` (${e.fault})` : ''}`,
					)
			: undefined,
	});
	const v = sandbox.vendors;
	console.log(`Vendor sandbox listening on ${sandbox.url}`);
	console.log(
		`  Kantata OX      base URL ${v.kantata.baseUrl}   access token ${v.kantata.accessToken}`,
	);
	console.log(`  Smartsheet RM   base URL ${v.rm.baseUrl}   API token ${v.rm.apiToken}`);
	console.log(
		`  Xurrent         base URL ${v.xurrent.baseUrl}   token ${v.xurrent.accessToken}   account ${v.xurrent.accountId}`,
	);
	console.log(
		`                  OAuth token URL ${v.xurrent.tokenUrl}   client ${v.xurrent.clientId} / ${v.xurrent.clientSecret}`,
	);
	console.log(`  Paymo           base URL ${v.paymo.baseUrl}   API key ${v.paymo.apiKey}`);
	console.log('Ctrl-C stops it.');
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}

module.exports = { createSandbox, constants, VENDORS };
