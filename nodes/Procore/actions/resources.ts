import type { ProcoreResource } from './node.type';
import { budget } from './budget';
import { commitment } from './commitment';
import { company } from './company';
import { complianceDocument } from './complianceDocument';
import { customApiCall } from './customApiCall';
import { dailyLog } from './dailyLog';
import { insurance } from './insurance';
import { observation } from './observation';
import { project } from './project';
import { rfi } from './rfi';
import { specificationSection } from './specificationSection';
import { submittal } from './submittal';
import { vendor } from './vendor';

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
	vendor,
	insurance,
	commitment,
	complianceDocument,
	customApiCall,
};
