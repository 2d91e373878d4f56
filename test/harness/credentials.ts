import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsExpressionResolveValues,
	INodeParameters,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

type Headerish = Record<string, unknown>;

/**
 * Serves plain credential data to the engine and applies each credential type's own
 * `authenticate` block, as the n8n server does (n8n-core alone does not), through n8n's
 * expression engine, so the tests prove what the credential really sends.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Token data the OAuth2 flow stored, per credential type. */
	readonly updatedTokens: Record<string, ICredentialDataDecryptedObject> = {};

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (!authenticate || authenticate.type !== 'generic') return options;
		if (!workflow || !node)
			throw new Error('The engine did not pass workflow and node to authenticate()');
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const bag = ((options as unknown as Record<string, Headerish>)[target] ??= {});
			for (const [key, value] of Object.entries(entries as Headerish)) {
				bag[String(resolve(key))] = resolve(value);
			}
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<Credentials> {
		return new Credentials({ id: details.id, name: details.name }, type, '');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
		_mode?: unknown,
		_executeData?: unknown,
		raw?: boolean,
		resolve?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`The test gave no data for credential type "${type}"`);
		const merged = { ...this.defaults(type), ...data, ...this.updatedTokens[type] };
		if (raw || !resolve) return merged;
		// Field defaults may be expressions over other fields (`$self`), as the server resolves them.
		return resolve.workflow.expression.getComplexParameterValue(
			resolve.node,
			merged as INodeParameters,
			'internal',
			{},
			undefined,
			undefined,
			merged,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.updatedTokens[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.updatedTokens[type] = { ...this.updatedTokens[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}

	/** Property defaults, as n8n fills them in for fields the user never touched. */
	private defaults(type: string): ICredentialDataDecryptedObject {
		const defaults: ICredentialDataDecryptedObject = {};
		for (const parent of [...this.getParentTypes(type).reverse(), type]) {
			for (const property of this.types[parent]?.properties ?? []) {
				defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
			}
		}
		return defaults;
	}
}
