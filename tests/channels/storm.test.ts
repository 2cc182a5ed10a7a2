import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORM_SCRIPT, type StormRig, repliesByChat, runStorm, startStormRig } from '../../server/src/channels/testing/storm';

// 1,000 take about 40 s on the shared 2-core machine; `pnpm bench:storm` runs 1,000.
const CONVERSATIONS = Number(process.env.STORM_CONVERSATIONS ?? 300);
const COPIES = 3;
let dir: string;
let rig: StormRig;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-storm-'));
  // Paid broadcasts lift Telegram's cap to 1000 messages a second: the storm measures Parley, not the cap.
  // Paid broadcasts lift Telegram's cap to 1000 messages a second: the storm measures Parley, not the cap.
  rig = await startStormRig(path.join(dir, 'parley.db'), { sendRate: 1000 });
});
afterAll(async () => {
  await rig.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// 13 customers at a time, 3 copies each: 39 webhooks in flight, as Telegram's default max_connections (40) allows.
describe('a redelivery storm on Telegram', () => {
  it('answers every update once, in order per customer, however often it is posted', { timeout: 60_000 }, async () => {
    const figures = await runStorm(rig, { conversations: CONVERSATIONS, copies: COPIES, inFlight: Number(process.env.STORM_IN_FLIGHT ?? 13) });
    expect(figures.refused).toEqual([]);
    expect(figures.webhooks).toBe(CONVERSATIONS * STORM_SCRIPT.length * COPIES);

    const byChat = repliesByChat(rig.standIn);
    expect(byChat.size).toBe(CONVERSATIONS);
    const expected = STORM_SCRIPT.map((step) => step.reply);
    const wrong = [...byChat].filter(([, texts]) => texts.join('|') !== expected.join('|'));
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(rig.standIn.calls).toHaveLength(CONVERSATIONS * expected.length);

    const { sqlite } = rig.parley.deps.store;
    const repeated = sqlite.prepare('select conversation_key, external_id, count(*) as n from turns group by conversation_key, external_id having n > 1').all();
    expect(repeated).toEqual([]);
    const perConversation = sqlite.prepare('select count(*) as n from turns group by conversation_key').pluck().all();
    expect(perConversation).toHaveLength(CONVERSATIONS);
    expect(new Set(perConversation)).toEqual(new Set([STORM_SCRIPT.length]));
    const delivered = sqlite.prepare('select count(*) from channel_deliveries d where d.delivered_turn_id = (select max(id) from turns t where t.conversation_key = d.conversation_key)').pluck().get();
    expect(delivered).toBe(CONVERSATIONS);
  });
});
