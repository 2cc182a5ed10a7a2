import type { Role } from './schemas';

/** admin > editor > agent: each role may do everything the ones below it may. */
const rank: Record<Role, number> = { admin: 3, editor: 2, agent: 1 };

export const hasRole = (role: Role, needed: Role) => rank[role] >= rank[needed];

/**
 * What a route needs: a role (or higher), or `user`, any signed-in person: routes about "me"
 * (personal tokens, my password), which the admin token, belonging to nobody, cannot use.
 */
export type Access = Role | 'user';
