/**
 * Template workflows/coi-certificates-expiring.json in the shared real n8n against the sandbox: the
 * nightly run (n8n's CLI) reads every vendor of the company directory and tells the person, in one
 * message, each insurance certificate that expires within N days (or has expired), with the vendor
 * and the days left; the next night tells nothing again; a certificate that comes near its
 * expiry later is told then, alone.
 */
import { n8n, sandbox, startStandIn, state } from '../env';
import { executeOnce, live, setSettings } from './patchSettings';

const WORKFLOW = 'ProcoreCoiExpire';
const DAYS = 30;

interface Insurance {
	id: number;
	vendor_id: number | null;
	insurance_type: string;
	expiration_date: string | null;
	deleted_at?: string | null;
}
interface Told {
	text: string;
	certificates: Array<{ id: number; vendor_id: number; vendor_name: string; expiration_date: string; days_left: number }>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('template: tell once about insurance certificates about to expire', () => {
	let chat: Awaited<ReturnType<typeof startStandIn>>;
	const messages = () => chat.received.filter((r) => r.path === '/chat').map((r) => r.body as Told);
	const seed = state.seed as unknown as { vendors: Record<string, number>; insurances: Record<string, number> };
	/** A certificate's new expiration date, written the way the COI platform's sync does (Procore's API). */
	const expires = async (vendor: number, insurance: number, date: string) => {
		const res = await fetch(`${state.sandboxUrl}/rest/v1.0/companies/${state.companyId}/vendors/${vendor}/insurances/${insurance}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${await sandbox.dmsaToken()}`, 'Procore-Company-Id': String(state.companyId), 'Content-Type': 'application/json' },
			body: JSON.stringify({ insurance: { expiration_date: date } }),
		});
		expect(res.status).toBe(200);
	};

	beforeAll(async () => {
		await sandbox.reset();
		chat = await startStandIn();
		await n8n.patchNodes(WORKFLOW, { Settings: setSettings({ notifyUrl: `${chat.url}/chat`, expiringWithinDays: String(DAYS) }) });
		// The seed's dates are fixed; these are set around today: two due soon, one far out (one expired stays).
		await expires(seed.vendors.electrical, seed.insurances.electricalGl, day(10));
		await expires(seed.vendors.concrete, seed.insurances.concreteWc, day(5));
		await expires(seed.vendors.plumbing, seed.insurances.plumbingGl, day(90));
	});

	afterAll(async () => {
		await chat?.stop();
	});

	it('one message lists every vendor certificate expiring within N days (or expired), with the vendor and days left', async () => {
		await executeOnce(WORKFLOW);
		expect(messages()).toHaveLength(1);
		const told = messages()[0];
		const vendors = Object.values((state.seed as unknown as { vendors: Record<string, number> }).vendors);
		const all: Insurance[] = [];
		for (const v of vendors) all.push(...live(await sandbox.state<Insurance>(`companies/${state.companyId}/vendors/${v}/insurances`)));
		// n8n's "today" is in its own time zone: a certificate a day either side of the cut-off may go either way.
		const surely = all.filter((c) => c.expiration_date && c.expiration_date.slice(0, 10) < day(DAYS - 1)).map((c) => c.id).sort();
		const never = all.filter((c) => !c.expiration_date || c.expiration_date.slice(0, 10) > day(DAYS + 1)).map((c) => c.id);
		const ids = told.certificates.map((c) => c.id);
		expect(surely.length).toBeGreaterThan(0);
		expect(never.length).toBeGreaterThan(0);
		expect(ids).toEqual(expect.arrayContaining(surely));
		expect(ids.filter((id) => never.includes(id))).toEqual([]);
		expect(new Set(ids).size).toBe(ids.length);
		for (const c of told.certificates) {
			expect(c.vendor_name).toEqual(expect.any(String));
			expect(c.vendor_name.length).toBeGreaterThan(0);
			expect(Math.abs(c.days_left - Math.round((Date.parse(c.expiration_date.slice(0, 10)) - Date.parse(day(0))) / 86_400_000))).toBeLessThanOrEqual(1);
		}
		expect(told.text).toContain(`@insurance-coordinator ${ids.length} insurance certificate(s) expire within ${DAYS} days`);
		const expired = told.certificates.find((c) => c.days_left < -1);
		expect(expired).toBeDefined();
		expect(told.text).toContain(`${expired!.vendor_name}: `);
		expect(told.text).toMatch(/expired \d+ day\(s\) ago/);
	});

	it('the next night tells nothing again; a certificate that comes near its expiry later is told then, alone', async () => {
		await executeOnce(WORKFLOW);
		expect(messages()).toHaveLength(1);
		await expires(seed.vendors.plumbing, seed.insurances.plumbingGl, day(20));
		await executeOnce(WORKFLOW);
		expect(messages()).toHaveLength(2);
		expect(messages()[1].certificates.map((c) => c.id)).toEqual([seed.insurances.plumbingGl]);
	});
});
