export * from './request';
export * from './pagination';
export { toProcoreApiError, procoreErrorMessage } from './errors';
export { parseJsonPreservingBigIds, asDataObject } from './json';
export { isProcoreHost } from './hosts';
export { isWriteOutcomeUnknown } from './retry';
