import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Procore's hosts per environment (developers.procore.com: development environments, OAuth
 * endpoints; the US federal zone: federal zone overview). The login host serves /oauth/*, the API
 * host serves /rest/*. "Custom" takes both hosts from the user (a Procore zone not listed here).
 */
const HOSTS: Record<string, { login: string; api: string }> = {
	production: { login: 'https://login.procore.com', api: 'https://api.procore.com' },
	developerSandbox: {
		login: 'https://login-sandbox.procore.com',
		api: 'https://sandbox.procore.com',
	},
	monthlySandbox: {
		login: 'https://login-sandbox-monthly.procore.com',
		api: 'https://api-monthly.procore.com',
	},
	government: { login: 'https://login.procoregov.com', api: 'https://api.procoregov.com' },
};

const host = (kind: 'login' | 'api', customField: string) =>
	`={{ ($self["environment"] === "custom" ? String($self["${customField}"] || "") : (${JSON.stringify(
		Object.fromEntries(Object.entries(HOSTS).map(([env, h]) => [env, h[kind]])),
	)})[$self["environment"]] || "").replace(/\\/+$/, "") }}`;

/** The company header of a credential: a service account's Company ID, a signed-in user's Default Company ID. */
const COMPANY_EXPRESSION =
	'($credentials.grantType === "clientCredentials" ? $credentials.companyId : $credentials.defaultCompanyId)';

export class ProcoreOAuth2Api implements ICredentialType {
	name = 'procoreOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Procore OAuth2 API';

	icon: Icon = { light: 'file:../icons/procore.svg', dark: 'file:../icons/procore.dark.svg' };

	// This package's usage docs (n8n's Docs link); Procore's OAuth guide is linked from there.
	documentationUrl = 'https://github.com/n8n-nodes-procore/n8n-nodes-procore#connect-procore';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{
					name: 'Client Credentials (Developer Managed Service Account)',
					value: 'clientCredentials',
				},
			],
			default: 'authorizationCode',
			description:
				'Authorization Code signs in as a Procore user (click Connect after saving). Client Credentials uses a Developer Managed Service Account that a company admin installed; it needs the Company ID below.',
		},
		{
			displayName:
				'Save, then click Connect and sign in to Procore. n8n does not test this kind of connection before you sign in, and "Account connected" only means it holds a token from an earlier sign-in: after changing the Environment, Client ID or Client Secret, reconnect. If Procore refuses, its sign-in page or the first Procore step says why.',
			name: 'authorizationCodeNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { grantType: ['authorizationCode'] } },
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Developer Sandbox', value: 'developerSandbox' },
				{ name: 'Monthly Sandbox', value: 'monthlySandbox' },
				{ name: 'Procore for Government (US Federal Zone)', value: 'government' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'production',
			description:
				'Where the app was created: an app from the Developer Sandbox only signs in there, a production app in Production and the Monthly Sandbox, a Procore for Government app in the federal zone. Custom: enter the hosts yourself.',
		},
		{
			displayName: 'Login Host',
			name: 'customLoginUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://login.procore.com',
			description: 'Base URL of Procore\'s sign-in host, which serves /oauth/authorize and /oauth/token',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Host',
			name: 'customApiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.procore.com',
			description: 'Base URL of Procore\'s API host, which serves /rest/v1.0/…',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 4264807',
			hint: 'The number after /companies/ in a Procore address, e.g. app.procore.com/companies/4264807/…',
			description:
				'The company where the service account is installed. Procore needs it on every call of a service account; nodes that choose no company use it.',
			displayOptions: { show: { grantType: ['clientCredentials'] } },
		},
		{
			// A second name: n8n merges credential properties by name (one name cannot be required for
			// one grant and optional for the other) and drops the values of hidden ones.
			// credentialCompanyId() in the node reads the right one.
			displayName: 'Default Company ID',
			name: 'defaultCompanyId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4264807',
			hint: 'Optional. The number after /companies/ in a Procore address; nodes that choose no company use it.',
			description: 'Sent as Procore-Company-Id when a node does not choose a company',
			displayOptions: { show: { grantType: ['authorizationCode'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'hidden',
			default: host('api', 'customApiUrl'),
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `${host('login', 'customLoginUrl').slice(0, -2)} + "/oauth/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `${host('login', 'customLoginUrl').slice(0, -2)} + "/oauth/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// Procore defines no scopes; permissions come from the user or the app manifest.
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			// Procore's token endpoint reads client_id and client_secret from the body.
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.apiBaseUrl }}',
			url: '/rest/v1.0/me',
			headers: {
				'Procore-Company-Id': `={{ ${COMPANY_EXPRESSION} || undefined }}`,
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Procore refused the token. Check that the Environment is the one where the app was created (a Developer Sandbox app only works with Developer Sandbox), then save again; with Authorization Code, reconnect.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Procore refused access to this company. Set the Company ID of a company where the app is installed (Company Admin > App Management) and where its user has access.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Procore needs a company for this account. Set the Company ID: the number after /companies/ in a Procore address.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Procore API answers at this address. Check the Environment (for Custom, the API Host, e.g. https://api.procore.com).',
				},
			},
		],
	};
}
