/**
 * The "Test" button of a credential, as n8n 2.41's CredentialsTester.runRequestTest runs a
 * credential's declarative `test` (n8n/dist/services/credentials-tester.service.js): defaults and
 * expressions applied, the request sent by n8n-core's RoutingNode from a throwaway node, and the
 * `responseCode` rules matched against the failed response.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	INode,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow, createEmptyRunExecutionData } from 'n8n-workflow';

import { HarnessCredentialsHelper, getCredentialType, resolveCredentialData } from './credentials';
import { HarnessNodeTypes } from './nodeTypes';
import { createAdditionalData } from './runWorkflow';

export async function testCredential(
	type: string,
	stored: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const testRequest = getCredentialType(type).test as ICredentialTestRequest | undefined;
	if (!testRequest) throw new Error(`Credential type "${type}" has no test request`);
	const data = resolveCredentialData(type, structuredClone(stored), undefined, 'internal');

	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: 'credential-under-test', name: 'Credential under test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes({ 'n8n-nodes-base.noOp': nodeType }),
	});
	// Like n8n, getDecrypted returns the data under test rather than a stored credential.
	const helper = new HarnessCredentialsHelper({ [type]: stored });
	helper.getDecrypted = async () => data;
	const additionalData = createAdditionalData(helper, { currentNodeParameters: node.parameters });
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeType, {
		id: 'credential-under-test',
		name: 'Credential under test',
		type,
		data,
	});
	try {
		await routingNode.runNode();
	} catch (error) {
		const response = error.cause?.response;
		if (response) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && response.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
		if (error.cause?.code) return { status: 'Error', message: String(error.cause.code) };
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
