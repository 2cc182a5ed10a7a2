import { afterEach, describe, expect, it } from 'vitest';
import { hmacSha256 } from '../channels/signing';
import { WA_PHONE_NUMBER_ID, waBatch, waText } from '../channels/whatsapp/fixtures';
import { type StandIn, startStandIn } from '../channels/testing/stand-in';
import { type InboxWorld, inboxOf, inboxWorld } from './testing';

let world: InboxWorld;
let graph: StandIn;
afterEach(async () => {
  world.parley.close();
  await graph.close();
});

const APP_SECRET = 'wa-app-secret-0123456789abcdef';
const connection = { phoneNumberId: WA_PHONE_NUMBER_ID, appSecret: APP_SECRET, verifyToken: 'verify-token-123', accessToken: 'EAAG-access-token-0123456789', templateName: 'agent_follow_up', templateLanguage: 'en_US' };

async function whatsappSays(world: InboxWorld, waId: string, id: string, text: string) {
  const body = JSON.stringify(waBatch(waText(waId, id, text)));
  const signature = `sha256=${hmacSha256(APP_SECRET, Buffer.from(body)).toString('hex')}`;
  const response = await world.parley.app.request('/webhooks/whatsapp/support', { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
  expect(response.status).toBe(200);
  await world.parley.deps.dispatch.idle();
}

describe("an agent's reply outside the channel's window", () => {
  it('is refused with 409 window_closed naming why and the templates; a chosen template goes out as one', async () => {
    graph = await startStandIn(() => ({ json: { messaging_product: 'whatsapp', contacts: [{ input: '15551234567', wa_id: '15551234567' }], messages: [{ id: `wamid.${Math.random()}` }] } }));
    world = await inboxWorld({ at: '2026-03-02T10:00:00Z', env: { PARLEY_META_API_URL: graph.url } });
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    expect((await world.editor.request('PUT', '/api/bots/support/channels/whatsapp', connection)).status).toBe(200);
    await whatsappSays(world, '15551234567', 'wamid.in.1', 'I need a person');
    const [item] = (await inboxOf(ana)).items;
    expect(item).toMatchObject({ channel: 'whatsapp', contact: { name: 'Sheena Nelson', externalKey: '15551234567' } });

    // Within 24 hours: free text goes out.
    expect((await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'Hi Sheena' })).status).toBe(200);
    await world.parley.deps.dispatch.idle();
    expect(graph.calls.at(-1)?.json).toMatchObject({ to: '15551234567', type: 'text', text: { body: 'Hi Sheena' } });

    world.clock.advance(25 * 60);
    const detail = await (await ana.request('GET', `/api/inbox/${item.id}`)).json();
    expect(detail.window).toEqual({ open: false, reason: expect.stringContaining('more than 24 hours'), templates: [{ name: 'agent_follow_up', language: 'en_US' }] });
    expect(detail.transcript.find((e: { from: string }) => e.from === 'agent')).toMatchObject({ text: 'Hi Sheena', delivery: 'sent' });

    const calls = graph.calls.length;
    const refused = await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'Are you still there?' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toEqual({ code: 'window_closed', message: expect.stringContaining('WhatsApp'), details: { templates: [{ name: 'agent_follow_up', language: 'en_US' }] } });
    const unknown = await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'x', template: { name: 'other_template' } });
    expect((await unknown.json()).error.code).toBe('window_closed');

    const templated = await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'Your refund was approved.', template: { name: 'agent_follow_up', language: 'en_US' } });
    expect(templated.status).toBe(200);
    await world.parley.deps.dispatch.idle();
    expect(graph.calls.length).toBe(calls + 1);
    expect(graph.calls.at(-1)?.json).toMatchObject({
      to: '15551234567',
      type: 'template',
      template: { name: 'agent_follow_up', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Your refund was approved.' }] }] },
    });
  });
});
