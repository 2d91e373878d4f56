'use strict';
// The sandbox's documented secrets and mount points. They are public on purpose: the sandbox only
// listens on 127.0.0.1 and holds made-up data.

module.exports = {
	kantata: {
		prefix: '/kantata/api/v1',
		/** Authorization: Bearer <accessToken> */
		accessToken: 'sandbox-kantata-token',
	},
	rm: {
		prefix: '/rm/api/v1',
		/** auth: <apiToken> header (or ?auth=) */
		apiToken: 'sandbox-rm-token',
	},
	xurrent: {
		prefix: '/xurrent/v1',
		/** Authorization: Bearer <accessToken> + X-Xurrent-Account: <accountId> */
		accessToken: 'sandbox-xurrent-token',
		accountId: 'sandbox',
		/** OAuth 2.0 client-credentials grant at POST /xurrent/oauth/token */
		tokenPath: '/xurrent/oauth/token',
		clientId: 'sandbox-xurrent-client',
		clientSecret: 'sandbox-xurrent-secret',
	},
	paymo: {
		prefix: '/paymo/api',
		/** HTTP Basic with the API key as user name and any password */
		apiKey: 'sandbox-paymo-key',
	},
};
