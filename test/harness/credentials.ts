/**
 * Credentials as n8n's CLI serves them to nodes, without a database: the stored data gets the
 * credential type's defaults (merged over the types it `extends`) and its expressions resolved
 * with `$self` = the credential itself, then OAuth2 signing happens in n8n-core's own
 * `requestOAuth2` because `getParentTypes` reports `oAuth2Api`. Mirrors n8n's
 * `CredentialsHelper.applyDefaultsAndOverwrites` (packages/cli/src/credentials-helper.ts).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { ProcoreOAuth2Api } from '../../credentials/ProcoreOAuth2Api.credentials';

/**
 * n8n-nodes-base's `oAuth2Api` (not installed here): the properties a child credential inherits.
 * Kept to what affects runtime; `doNotInherit` ones are omitted like n8n does.
 */
export class OAuth2ApiStandIn implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	properties: INodeProperties[] = [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '', required: true },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '', required: true },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
	];
}

export const credentialTypes: Record<string, ICredentialType> = {
	oAuth2Api: new OAuth2ApiStandIn(),
	procoreOAuth2Api: new ProcoreOAuth2Api(),
};

export function getCredentialType(name: string): ICredentialType {
	const type = credentialTypes[name];
	if (!type) throw new Error(`Unknown credential type "${name}" in the workflow harness`);
	return type;
}

export function parentTypes(name: string): string[] {
	const parents = getCredentialType(name).extends ?? [];
	return parents.flatMap((parent) => [parent, ...parentTypes(parent)]);
}

/** The type's properties merged over its parents' (the child wins), as n8n's CLI builds them. */
export function credentialProperties(name: string): INodeProperties[] {
	const type = getCredentialType(name);
	const combined: INodeProperties[] = [];
	for (const parent of type.extends ?? []) {
		NodeHelpers.mergeNodeProperties(combined, credentialProperties(parent));
	}
	NodeHelpers.mergeNodeProperties(combined, type.properties);
	return combined;
}

// Expressions in credentials are resolved against a throwaway one-node workflow, like n8n's CLI.
const mockNodeType: INodeType = {
	description: {
		displayName: 'Mock',
		name: 'mock',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: [],
		properties: [],
	},
};
const mockNode: INode = {
	id: 'mock',
	name: 'mock',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * Stored credential data → what `getCredentials` returns in n8n: defaults applied (hidden
 * properties such as `apiBaseUrl` included), `oauthTokenData` kept, expressions resolved with
 * `$self` bound to the credential.
 */
export function resolveCredentialData(
	type: string,
	stored: ICredentialDataDecryptedObject,
	resolveValues?: ICredentialsExpressionResolveValues,
	mode: WorkflowExecuteMode = 'manual',
	executeData?: IExecuteData,
): ICredentialDataDecryptedObject {
	let data = NodeHelpers.getNodeParameters(
		credentialProperties(type),
		stored as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;
	if (resolveValues) {
		data = resolveValues.workflow.expression.getParameterValue(
			data as INodeParameters,
			resolveValues.runExecutionData,
			resolveValues.runIndex,
			resolveValues.itemIndex,
			resolveValues.node.name,
			resolveValues.connectionInputData,
			mode,
			{},
			executeData,
			false,
			data,
		) as ICredentialDataDecryptedObject;
	} else {
		const workflow = new Workflow({
			nodes: [mockNode],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => mockNodeType,
				getByNameAndVersion: () => mockNodeType,
				getKnownTypes: () => ({}),
			},
		});
		data = workflow.expression.getComplexParameterValue(
			mockNode,
			data as INodeParameters,
			mode,
			{},
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
	}
	return data;
}

/** Credentials by type, as a user saved them (before defaults and expressions). */
export type StoredCredentials = Record<string, ICredentialDataDecryptedObject>;

/**
 * The `ICredentialsHelper` n8n-core calls during an execution. `getParentTypes` reports the
 * `extends` chain, so `httpRequestWithAuthentication` takes n8n-core's real OAuth2 path
 * (`requestOAuth2` → client-oauth2 signs the request with `Authorization: Bearer …`).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Token data n8n-core asked to save (client-credentials fetches, refreshes). */
	readonly savedTokenData: ICredentialDataDecryptedObject[] = [];

	constructor(private readonly stored: StoredCredentials) {
		super();
	}

	getParentTypes(name: string): string[] {
		return parentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = getCredentialType(typeName).authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const data = this.stored[type];
		return {
			id: nodeCredentials.id ?? undefined,
			name: nodeCredentials.name,
			type,
			data: undefined,
			getData: () => ({ ...data }),
			getDataToSave: () => ({ id: nodeCredentials.id ?? undefined, name: nodeCredentials.name, type, data: '' }),
			setData: () => {},
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.stored[type];
		if (!stored) throw new Error(`The workflow harness has no "${type}" credentials; pass them in options.credentials`);
		// A copy per call: n8n-core writes refreshed tokens into the object it gets.
		const copy = structuredClone(stored);
		if (raw) return copy;
		return resolveCredentialData(type, copy, expressionResolveValues, mode, executeData);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.savedTokenData.push(structuredClone(data.oauthTokenData as ICredentialDataDecryptedObject));
		this.stored[type] = { ...this.stored[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialProperties(type);
	}
}
