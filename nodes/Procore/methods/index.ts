import * as apiOperation from './apiOperation.listSearch';
import * as attachment from './attachment.listSearch';
import * as budget from './budget.listSearch';
import * as changeEvent from './changeEvent.listSearch';
import * as changeOrder from './changeOrder.listSearch';
import * as coi from './coi.listSearch';
import * as core from './listSearch';
import * as directCost from './directCost.listSearch';
import * as directory from './directory.listSearch';
import * as document from './document.listSearch';
import * as drawing from './drawing.listSearch';
import * as inspection from './inspection.listSearch';
import * as meeting from './meeting.listSearch';
import * as observation from './observation.listSearch';
import * as primeContract from './primeContract.listSearch';
import * as punchItem from './punchItem.listSearch';
import * as projectDirectory from './projectDirectory.listSearch';
import * as rfi from './rfi.listSearch';
import * as submittal from './submittal.listSearch';
import * as timecard from './timecard.listSearch';
import * as webhook from './webhook.listSearch';

/** Every list-search method of the Procore node; each resource adds its file with one spread. */
export const listSearch = {
	...core,
	...rfi,
	...observation,
	...submittal,
	...budget,
	...changeEvent,
	...changeOrder,
	...timecard,
	...coi,
	...document,
	...webhook,
	...attachment,
	...directory,
	...primeContract,
	...directCost,
	...punchItem,
	...projectDirectory,
	...inspection,
	...meeting,
	...drawing,
	...apiOperation,
};
