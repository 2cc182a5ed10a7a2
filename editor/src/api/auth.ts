import { z } from 'zod';
import { request } from './http';

/** The user-accounts contract (session cookie + CSRF token); see docs/api.md. */
export const ROLES = ['admin', 'editor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) }).loose();
export type User = z.infer<typeof userSchema>;

const authStateSchema = z.object({ needsSetup: z.boolean(), user: userSchema.nullable(), csrfToken: z.string().nullable() });
export type AuthState = z.infer<typeof authStateSchema>;
const signedInSchema = z.object({ user: userSchema, csrfToken: z.string() });

export const getAuthState = () => request('GET', '/api/auth/state', authStateSchema, { quiet401: true });
export const setUp = (input: { email: string; name: string; password: string }) =>
  request('POST', '/api/auth/setup', signedInSchema, { body: input, quiet401: true });
export const logIn = (input: { email: string; password: string }) => request('POST', '/api/auth/login', signedInSchema, { body: input, quiet401: true });
export const logOut = () => request('POST', '/api/auth/logout', z.unknown(), { quiet401: true });

/** Checks a bearer token by reading something every token may read. */
export const probeToken = () => request('GET', '/api/bots', z.object({ bots: z.array(z.unknown()) }), { quiet401: true });

const apiTokenSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }).loose();
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The server's password rule, so the form can say it before sending. */
export const MIN_PASSWORD_LENGTH = 10;

export const listTokens = () => request('GET', '/api/me/tokens', z.object({ tokens: z.array(apiTokenSchema) }));
/** The secret is in this answer only, never again. */
export const createToken = (name: string) => request('POST', '/api/me/tokens', z.object({ token: apiTokenSchema, secret: z.string() }), { body: { name } });
export const changePassword = (currentPassword: string, newPassword: string) => request('POST', '/api/auth/password', z.unknown(), { body: { currentPassword, newPassword } });
export const deleteToken = (id: string) => request('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`, z.unknown());

export const listUsers = () => request('GET', '/api/users', z.object({ users: z.array(userSchema) }));
export const addUser = (input: { email: string; name: string; role: Role; password: string }) => request('POST', '/api/users', userSchema, { body: input });
export const changeRole = (id: string, role: Role) => request('PATCH', `/api/users/${encodeURIComponent(id)}`, z.unknown(), { body: { role } });
export const deleteUser = (id: string) => request('DELETE', `/api/users/${encodeURIComponent(id)}`, z.unknown());
