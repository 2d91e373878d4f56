'use strict';
// The sandbox as a whole: loopback only, deterministic seeding, the request log, injected faults
// (429 with and without Retry-After, 5xx, dropped connections), latency, reset, clean close, CLI.

const { spawn } = require('node:child_process');
const path = require('node:path');

const { createSandbox } = require('../server');
const { allowLoopback, call, auth } = require('./helpers');

allowLoopback();

/** Runs `body` against a fresh sandbox and always closes it. */
async function withSandbox(options, body) {
	const sandbox = await createSandbox({ size: 50, ...options });
	try {
		return await body(sandbox);
	} finally {
		await sandbox.close();
	}
}

const kantataList = (sandbox) =>
	call(`${sandbox.vendors.kantata.baseUrl}/assignments.json`, { headers: auth.kantata });

describe('server', () => {
	it('listens on 127.0.0.1 and names each vendor’s base URL and secret', async () => {
		await withSandbox({}, async (sandbox) => {
			expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
			expect(sandbox.vendors.kantata.baseUrl).toBe(`${sandbox.url}/kantata/api/v1`);
			expect(sandbox.vendors.rm.baseUrl).toBe(`${sandbox.url}/rm/api/v1`);
			expect(sandbox.vendors.xurrent.baseUrl).toBe(`${sandbox.url}/xurrent/v1`);
			expect(sandbox.vendors.paymo.baseUrl).toBe(`${sandbox.url}/paymo/api`);
			expect(sandbox.vendors.kantata.accessToken).toBe('sandbox-kantata-token');
		});
	});

	it('seeds the same data from the same seed, other data from another, sizes per vendor', async () => {
		const a = await createSandbox({ seed: 7, size: { kantata: 120, paymo: 40 } });
		const b = await createSandbox({ seed: 7, size: { kantata: 120, paymo: 40 } });
		const c = await createSandbox({ seed: 8, size: { kantata: 120, paymo: 40 } });
		try {
			expect(a.state.kantata.assignments.size).toBe(120);
			expect(a.state.paymo.userstasks.size).toBe(40);
			expect(a.state.rm.assignments.size).toBe(500);
			expect([...a.state.kantata.assignments.values()]).toEqual([
				...b.state.kantata.assignments.values(),
			]);
			expect([...a.state.kantata.assignments.values()]).not.toEqual([
				...c.state.kantata.assignments.values(),
			]);
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});

	it('logs method, path, query, auth validity, headers of interest, body and status', async () => {
		await withSandbox({}, async (sandbox) => {
			await call(`${sandbox.vendors.kantata.baseUrl}/assignments.json?per_page=2`, {
				headers: { ...auth.kantata, accept: 'application/json' },
			});
			await call(`${sandbox.vendors.xurrent.baseUrl}/me`, {
				headers: { authorization: 'Bearer wrong', 'x-xurrent-account': 'sandbox' },
			});
			await call(`${sandbox.vendors.paymo.baseUrl}/userstasks`, {
				method: 'POST',
				headers: { ...auth.paymo, 'content-type': 'application/json' },
				body: '{"user_id":1}',
			});
			const [k, x, p] = sandbox.requests;
			expect(k).toMatchObject({
				vendor: 'kantata',
				method: 'GET',
				path: '/kantata/api/v1/assignments.json',
				query: { per_page: '2' },
				auth: { present: true, valid: true },
				status: 200,
				fault: null,
			});
			expect(k.headers.accept).toBe('application/json');
			expect(x).toMatchObject({
				vendor: 'xurrent',
				status: 401,
				auth: { present: true, valid: false },
			});
			expect(x.headers['x-xurrent-account']).toBe('sandbox');
			expect(p).toMatchObject({
				vendor: 'paymo',
				method: 'POST',
				body: { user_id: 1 },
				status: 400,
			});
			expect(typeof k.durationMs).toBe('number');
			sandbox.clearRequests();
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	it('keeps at most maxLog entries', async () => {
		await withSandbox({ maxLog: 3 }, async (sandbox) => {
			for (let i = 0; i < 5; i++) await kantataList(sandbox);
			expect(sandbox.requests.map((r) => r.seq)).toEqual([3, 4, 5]);
		});
	});

	it('answers unknown paths with 404 naming the vendors, and oversized bodies with 413', async () => {
		await withSandbox({}, async (sandbox) => {
			const res = await call(`${sandbox.url}/nowhere`);
			expect(res.status).toBe(404);
			expect(res.body.vendors).toEqual([
				'/kantata/api/v1',
				'/rm/api/v1',
				'/xurrent/v1',
				'/paymo/api',
			]);
			const big = await call(`${sandbox.vendors.paymo.baseUrl}/userstasks`, {
				method: 'POST',
				headers: auth.paymo,
				body: 'x'.repeat(1024 * 1024 + 10),
			}).catch(() => ({ status: 'reset' }));
			expect([413, 'reset']).toContain(big.status);
		});
	});

	it('reset() brings back the seeded data', async () => {
		await withSandbox({}, async (sandbox) => {
			const id = sandbox.state.kantata.order[0];
			await call(`${sandbox.vendors.kantata.baseUrl}/assignments/${id}.json`, {
				method: 'DELETE',
				headers: auth.kantata,
			});
			expect(sandbox.state.kantata.assignments.get(id).current).toBe(false);
			const before = sandbox.state.kantata.assignments.size;
			sandbox.reset();
			expect(sandbox.state.kantata.assignments.size).toBe(before);
			expect(sandbox.requests).toHaveLength(0);
			const fresh = await createSandbox({ size: 50 });
			expect(sandbox.state.kantata.assignments.get(id)).toEqual(
				fresh.state.kantata.assignments.get(id),
			);
			await fresh.close();
		});
	});

	it('closes cleanly with a keep-alive connection open, and frees the port', async () => {
		const sandbox = await createSandbox({ size: 10 });
		await kantataList(sandbox);
		await sandbox.close();
		await expect(fetch(`${sandbox.url}/kantata/api/v1/assignments.json`)).rejects.toThrow();
		await sandbox.close();
	});
});

describe('faults', () => {
	it('answers 429 with Retry-After, 429 without, and 5xx in the vendor’s error shape', async () => {
		await withSandbox({ faults: { rate429: 1, retryAfterSeconds: 2 } }, async (sandbox) => {
			const res = await kantataList(sandbox);
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('2');
			expect(res.body.errors[0].type).toBe('system');
			expect(sandbox.requests[0].fault).toBe('429');
		});
		await withSandbox({ faults: { rate429NoRetryAfter: 1 } }, async (sandbox) => {
			const res = await call(`${sandbox.vendors.rm.baseUrl}/assignments`, { headers: auth.rm });
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBeNull();
			expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
		});
		await withSandbox({ faults: { rate5xx: 1, status5xx: [503] } }, async (sandbox) => {
			const res = await call(`${sandbox.vendors.xurrent.baseUrl}/me`, { headers: auth.xurrent });
			expect(res).toMatchObject({ status: 503, body: { message: 'Service Unavailable' } });
		});
	});

	it('drops connections without an answer', async () => {
		await withSandbox({ faults: { drop: 1 } }, async (sandbox) => {
			await expect(
				fetch(`${sandbox.vendors.paymo.baseUrl}/me`, { headers: auth.paymo }),
			).rejects.toThrow();
			expect(sandbox.requests[0]).toMatchObject({ fault: 'drop', status: null });
		});
	});

	it('cuts off an answer it carried out: headers, half the body, then the socket closes', async () => {
		await withSandbox({}, async (sandbox) => {
			sandbox.injectFaults([{ type: 'cut-off', vendor: 'paymo' }]);
			const before = sandbox.state.paymo.userstasks.size;
			const res = await fetch(`${sandbox.vendors.paymo.baseUrl}/userstasks`, {
				method: 'POST',
				headers: { ...auth.paymo, 'content-type': 'application/json' },
				body: JSON.stringify({ user_id: 241184, task_id: 48591 }),
			});
			expect(res.status).toBe(201);
			await expect(res.text()).rejects.toThrow();
			expect(sandbox.state.paymo.userstasks.size).toBe(before + 1);
			expect(sandbox.requests[0]).toMatchObject({ fault: 'cut-off', status: 201 });
		});
	});

	it('redirects to the same path, relative or on another origin', async () => {
		await withSandbox({}, async (sandbox) => {
			sandbox.injectFaults([
				{ type: 'redirect', status: 307 },
				{ type: 'redirect', to: 'http://127.0.0.2:1' },
			]);
			const url = `${sandbox.vendors.kantata.baseUrl}/assignments.json?page=2`;
			const relative = await fetch(url, { headers: auth.kantata, redirect: 'manual' });
			expect(relative.status).toBe(307);
			expect(relative.headers.get('location')).toBe('/kantata/api/v1/assignments.json?page=2');
			const other = await fetch(url, { headers: auth.kantata, redirect: 'manual' });
			expect(other.status).toBe(302);
			expect(other.headers.get('location')).toBe(
				'http://127.0.0.2:1/kantata/api/v1/assignments.json?page=2',
			);
			expect(sandbox.requests.map((entry) => entry.fault)).toEqual(['redirect', 'redirect']);
		});
	});

	it('limits random faults to the listed vendors', async () => {
		await withSandbox({ faults: { rate5xx: 1, vendors: ['paymo'] } }, async (sandbox) => {
			expect((await kantataList(sandbox)).status).toBe(200);
			expect(
				(await call(`${sandbox.vendors.paymo.baseUrl}/me`, { headers: auth.paymo })).status,
			).toBeGreaterThanOrEqual(502);
		});
	});

	it('injects a fraction of faults, the same ones for the same seed', async () => {
		const statuses = async () =>
			withSandbox({ seed: 3, faults: { rate5xx: 0.3 } }, async (sandbox) => {
				const out = [];
				for (let i = 0; i < 60; i++) out.push((await kantataList(sandbox)).status);
				return out;
			});
		const first = await statuses();
		const failures = first.filter((s) => s !== 200).length;
		expect(failures).toBeGreaterThan(5);
		expect(failures).toBeLessThan(35);
		expect(await statuses()).toEqual(first);
	});

	it('queues one-shot faults for the next matching requests, then answers normally', async () => {
		await withSandbox({}, async (sandbox) => {
			sandbox.injectFaults([
				{ type: '429', vendor: 'kantata' },
				{ type: '5xx', status: 502 },
			]);
			expect(
				(await call(`${sandbox.vendors.rm.baseUrl}/assignments`, { headers: auth.rm })).status,
			).toBe(502);
			const limited = await kantataList(sandbox);
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('1');
			expect((await kantataList(sandbox)).status).toBe(200);
			expect(() => sandbox.injectFaults([{ type: 'boom' }])).toThrow();
		});
	});

	it('delays answers by latencyMs', async () => {
		await withSandbox({ latencyMs: 150 }, async (sandbox) => {
			const started = Date.now();
			await kantataList(sandbox);
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
			sandbox.setLatency(0);
		});
	});

	it('setFaults() changes the faults at run time', async () => {
		await withSandbox({}, async (sandbox) => {
			sandbox.setFaults({ rate5xx: 1, status5xx: 504 });
			expect((await kantataList(sandbox)).status).toBe(504);
			sandbox.setFaults({});
			expect((await kantataList(sandbox)).status).toBe(200);
		});
	});
});

describe('command line', () => {
	it('prints its URL and the vendor base URLs, and stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[path.join(__dirname, '..', 'server.js'), '--port', '0', '--size', '20', '--no-rate-limit'],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
			child.stdout.on('data', (chunk) => {
				output += chunk;
				if (output.includes('Ctrl-C')) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)[1];
		expect(output).toContain(`${url}/kantata/api/v1`);
		const res = await call(`${url}/paymo/api/me`, { headers: auth.paymo });
		expect(res.status).toBe(200);
		expect(res.headers.get('x-ratelimit-limit')).toBeNull();
		const code = await new Promise((resolve) => {
			child.on('exit', resolve);
			child.kill('SIGTERM');
		});
		expect(code).toBe(0);
	});

	it('rejects unknown options with the usage', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, '..', 'server.js'), '--bogus'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const code = await new Promise((resolve) => child.on('exit', resolve));
		expect(code).toBe(2);
		expect(stderr).toContain('Usage: node sandbox/server.js');
	});
});
