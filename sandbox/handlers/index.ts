/**
 * Every special handler, in one list. To add one: write `handlers/<name>.ts` exporting
 * `defineHandler('METHOD /rest/…/{template}', (ctx, rt) => …)` and add it here.
 */
import { changeEventHandlers } from './change-events';
import { changeOrderHandlers } from './change-orders';
import { commitmentHandlers } from './commitments';
import { commitmentWriteHandlers } from './commitment-writes';
import { directCostHandlers } from './direct-costs';
import { lookupHandlers } from './lookups';
import { companies, companyMe, me } from './identity';
import type { Handler } from './registry';
import { webhookHandlers } from './webhooks';
import { uploadHandlers } from './uploads';
import { uploadV21Handlers } from './uploads-v21';
import { fileHandlers } from './files';
import { folderHandlers } from './folders';
import { timecardHandlers } from './timecards-bulk';
import { timecardListHandlers } from './timecards-list';
import { lineItemTypeHandlers } from './line-item-types';
import { primeContractHandlers } from './prime-contracts';
import { inspectionHandlers } from './inspections';
import { meetingHandlers } from './meetings';
import { dailyLogHandlers } from './daily-logs';
import { directoryHandlers } from './directory';

export const handlers: Handler[] = [
	me,
	companies,
	companyMe,
	...webhookHandlers,
	...uploadHandlers,
	...uploadV21Handlers,
	...fileHandlers,
	...folderHandlers,
	...timecardHandlers,
	...timecardListHandlers,
	...commitmentHandlers,
	...commitmentWriteHandlers,
	...directCostHandlers,
	...lookupHandlers,
	...changeEventHandlers,
	...changeOrderHandlers,
	...lineItemTypeHandlers,
	...primeContractHandlers,
	...inspectionHandlers,
	...meetingHandlers,
	...dailyLogHandlers,
	...directoryHandlers,
];
