import type { ProcoreResource } from './node.type';
import { company } from './company';
import { customApiCall } from './customApiCall';
import { project } from './project';

/**
 * Every resource of the Procore node, in the order shown. Adding a resource is one import and one
 * entry here; the resource selector, the parameters and the router all read this list.
 */
export const resources: Record<string, ProcoreResource> = {
	company,
	project,
	customApiCall,
};
