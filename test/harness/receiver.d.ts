import type { IDataObject } from 'n8n-workflow';

export interface Receiver {
	/** http://127.0.0.1:PORT */
	origin: string;
	/** Every call so far: path with query, parsed JSON body. */
	received: Array<{ url: string; body: IDataObject }>;
	close(): Promise<void>;
}

export function startReceiver(): Promise<Receiver>;
