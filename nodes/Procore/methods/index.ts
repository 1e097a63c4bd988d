import * as core from './listSearch';

/** Every list-search method of the Procore node; each resource adds its file with one spread. */
export const listSearch = {
	...core,
};
