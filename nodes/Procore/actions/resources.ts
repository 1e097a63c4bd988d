import type { ProcoreResource } from './node.type';
import { budget } from './budget';
import { company } from './company';
import { customApiCall } from './customApiCall';
import { dailyLog } from './dailyLog';
import { document } from './document';
import { folder } from './folder';
import { observation } from './observation';
import { project } from './project';
import { rfi } from './rfi';
import { specificationSection } from './specificationSection';
import { submittal } from './submittal';

/**
 * Every resource of the Procore node, in the order shown. Adding a resource is one import and one
 * entry here; the resource selector, the parameters and the router all read this list.
 */
export const resources: Record<string, ProcoreResource> = {
	company,
	project,
	rfi,
	observation,
	dailyLog,
	submittal,
	specificationSection,
	budget,
	document,
	folder,
	customApiCall,
};
