import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Procore's hosts per environment (developers.procore.com: development environments, OAuth
 * endpoints). The login host serves /oauth/*, the API host serves /rest/*. "Custom" reaches the
 * local Procore sandbox and any future Procore zone.
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
};

const host = (kind: 'login' | 'api', customField: string) =>
	`={{ ($self["environment"] === "custom" ? String($self["${customField}"] || "") : (${JSON.stringify(
		Object.fromEntries(Object.entries(HOSTS).map(([env, h]) => [env, h[kind]])),
	)})[$self["environment"]] || "").replace(/\\/+$/, "") }}`;

export class ProcoreOAuth2Api implements ICredentialType {
	name = 'procoreOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Procore OAuth2 API';

	icon: Icon = { light: 'file:../icons/procore.svg', dark: 'file:../icons/procore.dark.svg' };

	// This package's usage docs (n8n's Docs link); Procore's OAuth guide is linked from there.
	documentationUrl = 'https://github.com/n8n-nodes-procore/n8n-nodes-procore#credential-procore-oauth2-api';

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
				'Authorization Code signs in as a Procore user. Client Credentials uses a Developer Managed Service Account installed by a company admin; it has no refresh token and needs the Default Company ID below.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Developer Sandbox', value: 'developerSandbox' },
				{ name: 'Monthly Sandbox', value: 'monthlySandbox' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'production',
			description:
				'Production and sandbox apps have different client IDs and tokens. Custom reaches the local Procore sandbox of this package or another Procore zone.',
		},
		{
			displayName: 'Login Host',
			name: 'customLoginUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010',
			description: 'Base URL that serves /oauth/authorize and /oauth/token',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Host',
			name: 'customApiUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010',
			description: 'Base URL that serves /rest/v1.0/…',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Default Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4264807',
			description:
				'Sent as Procore-Company-Id when a node does not choose a company. Required for Client Credentials, whose service account needs the header on every call.',
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
				'Procore-Company-Id': '={{ $credentials.companyId || undefined }}',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Procore refused the token: reconnect the credential, and check that the Environment matches the app (sandbox apps only work with Developer Sandbox).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Procore refused access: for a service account, set the Default Company ID of a company where the app is installed.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Procore asked for the company: set the Default Company ID (service accounts send it on every call).',
				},
			},
		],
	};
}
