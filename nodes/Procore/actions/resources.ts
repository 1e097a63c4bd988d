import type { ProcoreResource } from './node.type';
import { apiOperation } from './apiOperation';
import { budget } from './budget';
import { changeEvent } from './changeEvent';
import { changeOrder } from './changeOrder';
import { commitment } from './commitment';
import { company } from './company';
import { complianceDocument } from './complianceDocument';
import { customApiCall } from './customApiCall';
import { dailyLog } from './dailyLog';
import { directCost } from './directCost';
import { insurance } from './insurance';
import { document } from './document';
import { drawing } from './drawing';
import { inspection } from './inspection';
import { meeting } from './meeting';
import { folder } from './folder';
import { observation } from './observation';
import { project } from './project';
import { projectDirectory } from './projectDirectory';
import { photo } from './photo';
import { punchItem } from './punchItem';
import { rfi } from './rfi';
import { specificationSection } from './specificationSection';
import { submittal } from './submittal';
import { webhook } from './webhook';
import { costCode } from './costCode';
import { crew } from './crew';
import { lineItemType } from './lineItemType';
import { milestone } from './milestone';
import { person } from './person';
import { primeContract } from './primeContract';
import { subJob } from './subJob';
import { timecardEntry } from './timecardEntry';
import { timecardTimeType } from './timecardTimeType';
import { wbsCode } from './wbsCode';
import { vendor } from './vendor';

const all: Record<string, ProcoreResource> = {
	company,
	project,
	projectDirectory,
	changeEvent,
	changeOrder,
	rfi,
	observation,
	punchItem,
	photo,
	dailyLog,
	inspection,
	meeting,
	drawing,
	submittal,
	specificationSection,
	budget,
	webhook,
	timecardEntry,
	milestone,
	costCode,
	lineItemType,
	wbsCode,
	subJob,
	timecardTimeType,
	crew,
	person,
	vendor,
	insurance,
	commitment,
	primeContract,
	directCost,
	complianceDocument,
	document,
	folder,
	customApiCall,
	apiOperation,
};

/**
 * Every resource of the Procore node, sorted by the name shown (n8n: lists in alphabetical order).
 * Adding a resource is one import and one entry above; the resource selector, the parameters and
 * the router all read this list.
 */
export const resources: Record<string, ProcoreResource> = Object.fromEntries(
	Object.entries(all).sort(([, a], [, b]) => a.option.name.localeCompare(b.option.name)),
);
