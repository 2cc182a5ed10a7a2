import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, signedInAs, testParley } from '../testing';

let parley: TestParley;
beforeEach(() => {
  parley = testParley();
});
afterEach(() => parley.close());

const withBearer = (secret: string, method: string, path: string, body?: unknown) =>
  parley.app.request(path, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('personal API tokens', () => {
  it('are shown once, stored hashed, act with their user’s role, and stop working once revoked', async () => {
    const agent = await signedInAs(parley, 'agent', 'Ada');
    const created = await agent.request('POST', '/api/me/tokens', { name: 'inbox script' });
    expect(created.status).toBe(201);
    const { token, secret } = await created.json();
    expect(token).toMatchObject({ id: expect.stringMatching(/^tok_/), name: 'inbox script', createdAt: expect.any(String) });
    expect(secret).toMatch(/^prl_pat_[\w-]{40,}$/);
    const stored = parley.deps.store.sqlite.prepare('select token_hash from api_tokens').pluck().all();
    expect(stored).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(JSON.stringify(parley.deps.store.sqlite.prepare('select * from api_tokens').all())).not.toContain(secret);

    // The agent's role, and no CSRF token needed with a bearer.
    expect((await withBearer(secret, 'GET', '/api/conversations')).status).toBe(200);
    expect((await withBearer(secret, 'GET', '/api/bots')).status).toBe(403);
    expect((await withBearer(secret, 'POST', '/api/conversations/conv_x/release', {})).status).toBe(404);

    const listed = (await (await agent.request('GET', '/api/me/tokens')).json()).tokens;
    expect(listed).toEqual([{ ...token, lastUsedAt: expect.any(String) }]);
    expect(JSON.stringify(listed)).not.toContain(secret);

    expect(await (await agent.request('DELETE', `/api/me/tokens/${token.id}`)).json()).toEqual({ deleted: token.id });
    const revoked = await withBearer(secret, 'GET', '/api/conversations');
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toContain('not valid');
    expect((await agent.request('GET', '/api/me/tokens')).status).toBe(200);
    expect((await (await agent.request('GET', '/api/me/tokens')).json()).tokens).toEqual([]);
  });

  it('follow their user: a promotion applies, a deleted user’s tokens stop working', async () => {
    const editor = await signedInAs(parley, 'editor', 'Eddie');
    const { secret } = await (await editor.request('POST', '/api/me/tokens', { name: 'ci' })).json();
    expect((await withBearer(secret, 'POST', '/api/bots', { name: 'From CI' })).status).toBe(201);
    expect((await withBearer(secret, 'GET', '/api/users')).status).toBe(403);
    await parley.request('PATCH', `/api/users/${editor.user.id}`, { role: 'admin' });
    expect((await withBearer(secret, 'GET', '/api/users')).status).toBe(200);
    // A token may manage its own user's tokens.
    expect((await withBearer(secret, 'GET', '/api/me/tokens')).status).toBe(200);
    await parley.request('POST', '/api/users', { email: 'other@parley.test', name: 'Other', role: 'admin', password: 'correct horse battery' });
    await parley.request('DELETE', `/api/users/${editor.user.id}`);
    expect((await withBearer(secret, 'GET', '/api/bots')).status).toBe(401);
    expect(parley.deps.store.sqlite.prepare('select count(*) from api_tokens').pluck().get()).toBe(0);
  });

  it('belong to one user: another cannot see or revoke them', async () => {
    const ada = await signedInAs(parley, 'agent', 'Ada');
    const bo = await signedInAs(parley, 'agent', 'Bo');
    const { token, secret } = await (await ada.request('POST', '/api/me/tokens', { name: 'mine' })).json();
    expect((await (await bo.request('GET', '/api/me/tokens')).json()).tokens).toEqual([]);
    expect((await bo.request('DELETE', `/api/me/tokens/${token.id}`)).status).toBe(404);
    expect((await withBearer(secret, 'GET', '/api/conversations')).status).toBe(200);
  });

  it('need a name, and are no business of the admin token', async () => {
    const agent = await signedInAs(parley, 'agent');
    const unnamed = await agent.request('POST', '/api/me/tokens', { name: ' ' });
    expect(unnamed.status).toBe(400);
    expect((await unnamed.json()).error.field).toBe('name');
    const byScript = await parley.request('POST', '/api/me/tokens', { name: 'x' });
    expect(byScript.status).toBe(403);
    expect((await byScript.json()).error.code).toBe('not_a_user');
    expect((await withBearer('prl_pat_made-up-token-that-does-not-exist', 'GET', '/api/bots')).status).toBe(401);
  });
});
