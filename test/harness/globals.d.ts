/** Provided by test/harness/environment.js. */
declare const nock: typeof import('nock').default;
