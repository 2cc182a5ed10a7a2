/**
 * The redelivery storm, measured: STORM_CONVERSATIONS customers (default 1,000) answer the quiz on
 * Telegram, every update posted STORM_COPIES times at once (default 3) through a real port, the Bot
 * API played by a local stand-in. Prints webhooks/s, replies/s and acknowledgement latency, and
 * checks that every reply arrived once, in order. One process plays both sides, as on one machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STORM_SCRIPT, percentile, repliesByChat, runStorm, startStormRig } from '../src/channels/testing/storm';

const conversations = Number(process.env.STORM_CONVERSATIONS ?? 1_000);
const copies = Number(process.env.STORM_COPIES ?? 3);
// Telegram opens at most max_connections (default 40) webhook requests at once: 13 customers × 3 copies.
const inFlight = Number(process.env.STORM_IN_FLIGHT ?? 13);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-storm-'));
// Paid broadcasts lift Telegram's cap to 1000 messages a second: this measures Parley, not the cap.
const rig = await startStormRig(path.join(dir, 'parley.db'), { sendRate: 1000 });
try {
  const figures = await runStorm(rig, { conversations, copies, inFlight });
  const expected = STORM_SCRIPT.map((step) => step.reply).join('|');
  const byChat = repliesByChat(rig.standIn);
  const wrong = [...byChat.values()].filter((texts) => texts.join('|') !== expected).length + (conversations - byChat.size);
  const replies = rig.standIn.calls.length;
  const seconds = (ms: number) => ms / 1000;
  console.log(`storm: ${conversations} conversations × ${STORM_SCRIPT.length} updates × ${copies} copies, ${inFlight} customers at a time (${os.cpus().length} cores)`);
  console.log(`webhooks   ${figures.webhooks} acknowledged in ${seconds(figures.acknowledgedInMs).toFixed(2)} s: ${(figures.webhooks / seconds(figures.acknowledgedInMs)).toFixed(0)} webhooks/s`);
  console.log(`replies    ${replies} delivered in ${seconds(figures.deliveredInMs).toFixed(2)} s: ${(replies / seconds(figures.deliveredInMs)).toFixed(0)} replies/s`);
  console.log(`ack        p50 ${percentile(figures.latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(figures.latenciesMs, 99).toFixed(1)} ms, max ${(figures.latenciesMs.at(-1) ?? 0).toFixed(1)} ms`);
  console.log(`checked    ${figures.refused.length} refused, ${wrong} conversations with a missing, repeated or misordered reply, ${replies - conversations * STORM_SCRIPT.length} extra replies`);
  if (figures.refused.length > 0 || wrong > 0 || replies !== conversations * STORM_SCRIPT.length) process.exitCode = 1;
} finally {
  await rig.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
