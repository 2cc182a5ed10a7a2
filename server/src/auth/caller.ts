import type { Role, UserView } from './schemas';

/** Why a request has no caller: it sent nothing, a token that opens nothing, or a cookie of an ended session. */
export type AnonymousReason = 'none' | 'bad_token' | 'session_expired';

/** Who sent a request, as `authenticate` found out; routes read it with `c.get('caller')`. */
export type Caller =
  | { kind: 'anonymous'; reason: AnonymousReason }
  | { kind: 'adminToken' }
  | { kind: 'user'; via: 'token'; user: UserView; tokenId: string }
  | {
      kind: 'user';
      via: 'session';
      user: UserView;
      session: { tokenHash: string; csrfToken: string };
      /** False for an unsafe method (POST, PUT, PATCH, DELETE) without the session's X-CSRF-Token. */
      csrfOk: boolean;
    };

export type AuthEnv = { Variables: { caller: Caller } };

export function roleOf(caller: Caller): Role | null {
  if (caller.kind === 'adminToken') return 'admin';
  return caller.kind === 'user' ? caller.user.role : null;
}

/** Who did it, as recorded with a version or a release: "Ana Lima <ana@example.com>"; scripts are "admin". */
export function actorOf(caller: Caller): string {
  return caller.kind === 'user' ? `${caller.user.name} <${caller.user.email}>` : 'admin';
}
