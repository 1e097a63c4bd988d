import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveCor } from './pushCor/codes';
import { createChangeEvent } from './pushCor/create';
import { readPushInput } from './pushCor/input';
import { findTarget } from './pushCor/target';
import { updateChangeEvent } from './pushCor/update';

export { description } from './pushCor/description';
export { output } from './pushCor/output';

/**
 * Push COR: a change order request from another tool becomes one Change Event, created on the
 * first push and brought up to date on every later one (found by its COR ID). Each step has its
 * file under pushCor/: the panel, reading the input, matching codes, finding the Change Event,
 * creating it, planning and writing an update, and the output.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const input = await readPushInput(this, i);
	const resolved = await resolveCor(this, i, input);
	const target = await findTarget(this, i, input);
	return target ? await updateChangeEvent(this, i, input, resolved, target) : await createChangeEvent(this, i, input, resolved);
}
