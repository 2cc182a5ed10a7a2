import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExampleBots } from '@parley/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../../server/src/bots/service';
import { loadCustomChannels } from '../../server/src/channels/plugins';
import { hmacSha256 } from '../../server/src/channels/signing';
import { type StandIn, startStandIn } from '../../server/src/channels/testing/stand-in';
import { testParley } from '../../server/src/testing';

const SECRET = 'relay-shared-secret-0123';
let bridge: StandIn;

beforeAll(async () => {
  bridge = await startStandIn((call) => {
    const signed = call.headers['x-relay-signature'] === hmacSha256(SECRET, Buffer.from(call.text)).toString('hex');
    return signed ? { json: { accepted: true } } : { status: 401, json: { accepted: false } };
  });
});
afterAll(() => bridge.close());

describe('a developer’s channel (PARLEY_CHANNELS)', () => {
  it('loads from its module and runs the quiz through the same pipeline, signed both ways', async () => {
    const loaded = await loadCustomChannels([path.join(import.meta.dirname, 'relay-channel.ts')]);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const parley = testParley({ customChannels: loaded.value });
    try {
      const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
      expect(createBot(parley.deps, { id: 'quiz', name: 'Quiz', flow: example?.flow }).ok).toBe(true);
      expect(publishBot(parley.deps, 'quiz', {}).ok).toBe(true);
      expect((await parley.request('PUT', '/api/bots/quiz/channels/relay', { secret: SECRET, replyUrl: `${bridge.url}/replies` })).status).toBe(200);
      const post = (body: object, secret = SECRET) => {
        const text = JSON.stringify(body);
        return parley.app.request('/webhooks/relay/quiz', { method: 'POST', headers: { 'x-relay-signature': hmacSha256(secret, Buffer.from(text)).toString('hex') }, body: text });
      };
      expect((await post({ id: 'r1', from: { id: 'amy' }, text: 'hi' }, 'not-the-secret-000')).status).toBe(401);
      expect((await post({ id: 'r1', from: { id: 'amy', name: 'Amy' }, text: 'hi' })).status).toBe(200);
      expect((await post({ id: 'r2', from: { id: 'amy' }, payload: 'dry' })).status).toBe(200);
      expect((await post({ id: 'r2', from: { id: 'amy' }, payload: 'dry' })).status).toBe(200);
      await parley.deps.dispatch.idle();
      const sent = bridge.calls.map((call) => z.object({ to: z.string(), replies: z.array(z.object({ type: z.string(), text: z.string().optional() })) }).parse(call.json));
      expect(sent.map((s) => [s.to, s.replies[0]?.text])).toEqual([
        ['amy', 'What is your skin type?'],
        ['amy', 'Which finish do you like?'],
      ]);
    } finally {
      await parley.close();
    }
  });

  it('refuses a module without channels, or a channel whose id is taken, naming the module', async () => {
    const none = await loadCustomChannels([path.join(import.meta.dirname, '../../server/src/channels/telegram/fixtures.ts')]);
    expect(!none.ok && none.error.message).toMatch(/fixtures\.ts must export "channels"/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-channels-'));
    const taken = path.join(dir, 'taken.mjs');
    fs.writeFileSync(taken, "export const channels = [{ id: 'telegram', title: 'Mine', config: { safeParse() {} }, secrets: [], bind() {} }];\n");
    const clash = await loadCustomChannels([taken]);
    expect(!clash.ok && clash.error.message).toMatch(/taken\.mjs: the channel id "telegram" is already a built-in channel/);
    fs.rmSync(dir, { recursive: true });
  });
});
