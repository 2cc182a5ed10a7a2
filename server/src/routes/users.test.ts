import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestParley, logIn, signedInAs, testParley } from '../testing';

let parley: TestParley;
beforeEach(() => {
  parley = testParley();
});
afterEach(() => parley.close());

const json = async (response: Response | Promise<Response>) => (await response).json();
const count = (table: string) => parley.deps.store.sqlite.prepare(`select count(*) from ${table}`).pluck().get();

describe('users', () => {
  it('adds, lists, renames, changes the role of, and deletes users', async () => {
    const admin = await signedInAs(parley, 'admin', 'Ana');
    const created = await admin.request('POST', '/api/users', { email: 'Bo@Example.com', name: 'Bo', role: 'agent', password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    const bo = await created.json();
    expect(bo).toEqual({ id: expect.stringMatching(/^usr_/), email: 'bo@example.com', name: 'Bo', role: 'agent', createdAt: expect.any(String) });

    const list = await json(admin.request('GET', '/api/users'));
    expect(list.users.map((u: { email: string; role: string }) => [u.email, u.role])).toEqual([
      ['ana@parley.test', 'admin'],
      ['bo@example.com', 'agent'],
    ]);
    expect(JSON.stringify(list)).not.toContain('argon2');

    const boBrowser = await logIn(parley, 'bo@example.com');
    expect((await boBrowser.request('GET', '/api/bots')).status).toBe(403);
    const promoted = await json(admin.request('PATCH', `/api/users/${bo.id}`, { role: 'editor', name: 'Bo Diaz' }));
    expect(promoted).toMatchObject({ id: bo.id, name: 'Bo Diaz', role: 'editor' });
    // A role change applies to sessions already open.
    expect((await boBrowser.request('GET', '/api/bots')).status).toBe(200);

    expect(await json(admin.request('DELETE', `/api/users/${bo.id}`))).toEqual({ deleted: bo.id });
    expect((await boBrowser.request('GET', '/api/bots')).status).toBe(401);
    expect(count('user_sessions')).toBe(1);
    expect((await admin.request('DELETE', `/api/users/${bo.id}`)).status).toBe(404);
    expect((await admin.request('PATCH', '/api/users/usr_ghost', { name: 'x' })).status).toBe(404);
  });

  it('answers 400 naming the field, and 409 for an email that has an account', async () => {
    const admin = await signedInAs(parley, 'admin');
    const short = await admin.request('POST', '/api/users', { email: 'c@example.com', name: 'C', role: 'agent', password: '123456789' });
    expect(short.status).toBe(400);
    expect((await short.json()).error).toMatchObject({ field: 'password', message: 'Body field "password": use at least 10 characters' });
    const badRole = await admin.request('POST', '/api/users', { email: 'c@example.com', name: 'C', role: 'owner', password: TEST_PASSWORD });
    expect((await badRole.json()).error.field).toBe('role');
    const patchShort = await admin.request('PATCH', `/api/users/${admin.user.id}`, { password: 'short' });
    expect((await patchShort.json()).error.field).toBe('password');

    expect((await admin.request('POST', '/api/users', { email: 'c@example.com', name: 'C', role: 'agent', password: TEST_PASSWORD })).status).toBe(201);
    const taken = await admin.request('POST', '/api/users', { email: 'C@EXAMPLE.COM', name: 'C2', role: 'editor', password: TEST_PASSWORD });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error).toMatchObject({ code: 'user_exists', field: 'email' });
  });

  it('never demotes or deletes the last admin', async () => {
    const admin = await signedInAs(parley, 'admin', 'Ana');
    const demote = await admin.request('PATCH', `/api/users/${admin.user.id}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.code).toBe('last_admin');
    const remove = await admin.request('DELETE', `/api/users/${admin.user.id}`);
    expect(remove.status).toBe(409);
    expect((await remove.json()).error.message).toContain('last admin');
    // Keeping the role, or renaming, is fine.
    expect((await admin.request('PATCH', `/api/users/${admin.user.id}`, { role: 'admin', name: 'Ana L' })).status).toBe(200);

    const second = await json(admin.request('POST', '/api/users', { email: 'zed@example.com', name: 'Zed', role: 'admin', password: TEST_PASSWORD }));
    expect((await admin.request('PATCH', `/api/users/${admin.user.id}`, { role: 'editor' })).status).toBe(200);
    // Ana is an editor now: she may no longer manage users.
    expect((await admin.request('GET', '/api/users')).status).toBe(403);
    const zed = await logIn(parley, 'zed@example.com');
    expect((await zed.request('DELETE', `/api/users/${second.id}`)).status).toBe(409);
    expect(await json(zed.request('DELETE', `/api/users/${admin.user.id}`))).toEqual({ deleted: admin.user.id });
  });

  it('signs a user out everywhere when an admin sets their password', async () => {
    const admin = await signedInAs(parley, 'admin');
    const agent = await signedInAs(parley, 'agent', 'Ada');
    expect((await admin.request('PATCH', `/api/users/${agent.user.id}`, { password: 'set by the admin' })).status).toBe(200);
    expect((await agent.request('GET', '/api/conversations')).status).toBe(401);
    expect((await logIn(parley, 'ada@parley.test', 'set by the admin')).user.role).toBe('agent');
    expect((await admin.request('GET', '/api/users')).status).toBe(200);
  });
});
