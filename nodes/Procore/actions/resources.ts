import type { ProcoreResource } from './node.type';
import { budget } from './budget';
import { changeEvent } from './changeEvent';
import { company } from './company';
import { customApiCall } from './customApiCall';
import { dailyLog } from './dailyLog';
import { observation } from './observation';
import { project } from './project';
import { rfi } from './rfi';
import { specificationSection } from './specificationSection';
import { submittal } from './submittal';
import { webhook } from './webhook';

/**
 * Every resource of the Procore node, in the order shown. Adding a resource is one import and one
 * entry here; the resource selector, the parameters and the router all read this list.
 */
export const resources: Record<string, ProcoreResource> = {
	company,
	project,
	changeEvent,
	rfi,
	observation,
	dailyLog,
	submittal,
	specificationSection,
	budget,
	webhook,
	customApiCall,
};
