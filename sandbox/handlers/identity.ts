/** `/me` and `/companies`: answered from the token's user, not from a collection. */
import { respond, listReply } from '../engine/generic';
import { defineHandler } from './registry';
import type { Runtime } from '../runtime';
import type { Ctx } from '../types';

function user(ctx: Ctx, rt: Runtime) {
	return rt.store.findAll('users', (r) => r.id === ctx.token.userId)[0]?.rec;
}

export const me = defineHandler('GET /rest/v1.0/me', (ctx, rt) => {
	const u = user(ctx, rt);
	return respond(
		ctx,
		rt,
		{ id: ctx.token.userId, login: u?.login ?? null, name: u?.name ?? null },
		200,
	);
});

/** Only the companies the token's user can reach. */
export const companies = defineHandler('GET /rest/v1.0/companies', (ctx, rt) => {
	const ids = new Set(
		rt.store
			.findAll('users', (r) => r.id === ctx.token.userId)
			.map((x) => x.key.split('/')[1])
			.map(Number),
	);
	return listReply(
		ctx,
		rt,
		rt.store.list('companies').filter((c) => ids.has(Number(c.id))),
	);
});

/** Company-user detail of the caller (v1.0 to v1.3 share it). */
export const companyMe = defineHandler(
	['v1.0', 'v1.1', 'v1.2', 'v1.3'].map((v) => `GET /rest/${v}/companies/{company_id}/me`),
	(ctx, rt) => {
		const u = user(ctx, rt);
		return respond(
			ctx,
			rt,
			{
				id: ctx.token.userId,
				login: u?.login ?? null,
				name: u?.name ?? null,
				is_employee: u?.is_employee ?? false,
				is_insurance_manager: false,
				employee_id: u?.employee_id ?? null,
				vendor: u?.vendor ?? null,
				job_title: u?.job_title ?? null,
			},
			200,
		);
	},
);
