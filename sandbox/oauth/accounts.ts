/** The OAuth apps and users the sandbox knows (seeded; tests may add more through `rt`). */
export interface App {
	clientId: string;
	clientSecret: string;
	name: string;
	/** 'dmsa' apps use client credentials and act as their service-account user. */
	kind: 'web' | 'dmsa';
	serviceUserId?: number;
}

export interface User {
	id: number;
	login: string;
	name: string;
	companyIds: number[];
}

export class Accounts {
	apps = new Map<string, App>();
	users = new Map<number, User>();
	/** The user who approves on /oauth/authorize. */
	defaultUserId = 0;

	addApp(app: App): void {
		this.apps.set(app.clientId, app);
	}
	addUser(user: User): void {
		this.users.set(user.id, user);
	}
	clear(): void {
		this.apps.clear();
		this.users.clear();
	}
}
