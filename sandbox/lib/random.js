'use strict';
// Deterministic randomness: the same seed always yields the same sandbox data, so tests and
// benchmarks can name records by ID and compare runs.

/** A 32-bit hash of any seed (number or string). */
function hashSeed(seed) {
	const text = String(seed);
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for test data. Returns a function like Math.random. */
function createRandom(seed) {
	let state = hashSeed(seed);
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return Object.assign(next, {
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p,
	});
}

const firstNames = [
	'Ada',
	'Ben',
	'Chloe',
	'Diego',
	'Ellen',
	'Farah',
	'Gustav',
	'Hana',
	'Ivan',
	'Jade',
	'Kofi',
	'Lena',
	'Mateo',
	'Nora',
	'Omar',
	'Priya',
	'Quinn',
	'Rosa',
	'Sven',
	'Tariq',
	'Uma',
	'Victor',
	'Wen',
	'Yara',
	'Zoe',
	'Howard',
	'Beatrice',
	'Malik',
	'Ines',
	'Tomasz',
];
const lastNames = [
	'Brown',
	'Tanner',
	'Baldwin',
	'Okafor',
	'Lindqvist',
	'Moreau',
	'Nakamura',
	'Silva',
	'Kowalski',
	'Haddad',
	'Fischer',
	'Patel',
	'Novak',
	'Reyes',
	'Andersen',
	'Costa',
	'Dubois',
	'Ivanova',
	'Kim',
	'Larsen',
	'Mensah',
	'Ortiz',
	'Quinn',
	'Rossi',
	'Schmidt',
	'Tanaka',
	'Varga',
	'Walsh',
	'Young',
	'Zhou',
];
const projectWords = [
	'Website Relaunch',
	'ERP Migration',
	'Mobile App',
	'Data Warehouse',
	'Brand Refresh',
	'Office Move',
	'Security Audit',
	'Customer Portal',
	'Onboarding Revamp',
	'Cloud Cutover',
	'Payroll Upgrade',
	'Analytics Rollout',
	'Support Desk',
	'Product Launch',
	'Compliance Review',
];
const clients = [
	'Acme',
	'Globex',
	'Initech',
	'Umbrella',
	'Stark',
	'Wayne',
	'Hooli',
	'Vandelay',
	'Tyrell',
];
const taskWords = [
	'Kick-off meeting',
	'Requirements workshop',
	'Wireframes',
	'Build API',
	'Write tests',
	'Data import',
	'User training',
	'Go-live checklist',
	'Design review',
	'Stakeholder interviews',
	'Budget sign-off',
	'Load testing',
	'Documentation',
	'Deploy to staging',
	'Retrospective',
	'Vendor evaluation',
	'Migration dry run',
	'Content audit',
	'Accessibility review',
	'Release notes',
];

const personName = (rng) => [rng.pick(firstNames), rng.pick(lastNames)];
const projectName = (rng) => `${rng.pick(clients)} ${rng.pick(projectWords)}`;
const taskName = (rng) => rng.pick(taskWords);

module.exports = { createRandom, hashSeed, personName, projectName, taskName };
