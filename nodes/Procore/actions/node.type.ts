import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { OutputSpec } from '../helpers/output';

/** An operation that handles one input item at a time; the router does pairing and continueOnFail. */
export interface ItemOperation {
	description: INodeProperties[];
	/** Reads and writes declare what Simplified keeps; the router shapes the output by it. */
	output?: OutputSpec;
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/**
 * An operation that sends many items in few calls (bulk and sync endpoints). It returns one output
 * per input item, paired, with per-item errors when continueOnFail is on.
 */
export interface BatchOperation {
	description: INodeProperties[];
	output?: OutputSpec;
	executeBatch(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		/** Throws when an item lacks a required parameter (the router's check, which reads every parameter). */
		assertRequired: (itemIndex: number) => void,
	): Promise<INodeExecutionData[]>;
}

export type ProcoreOperation = ItemOperation | BatchOperation;

export interface ProcoreResource {
	/** The resource option shown in the node (Procore's own name for the thing). */
	option: INodePropertyOptions;
	/** The operation selector and every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, ProcoreOperation>;
}
