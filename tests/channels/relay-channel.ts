import { type Inbound, type Reply, isJsonObject } from '@parley/shared';
import { z } from 'zod';
import { type WebhookItem, callApi, defineChannel, hmacSha256, jsonPayload, ok, safeEqual } from '../../server/src/index';

/**
 * A developer's channel, as a PARLEY_CHANNELS module: a relay for an app Parley does not speak itself
 * (a partner's bridge to Apple Messages for Business, say). The bridge posts each customer message as
 * signed JSON and receives the bot's replies, channel-neutral, at its own URL.
 */
const config = z.object({
  secret: z.string().min(16).meta({ description: 'Shared with the bridge: signs both directions.' }),
  replyUrl: z.url().meta({ description: 'Where the bridge takes replies.' }),
});

const message = z.object({
  id: z.string().min(1),
  from: z.object({ id: z.string().min(1), name: z.string().optional() }),
  text: z.string().optional(),
  payload: z.string().optional(),
});

export const relay = defineChannel({
  id: 'relay',
  title: 'Relay',
  config,
  secrets: ['secret'],
  verify(request, { secret }) {
    const signature = request.headers.get('x-relay-signature');
    return signature !== null && safeEqual(signature, hmacSha256(secret, request.body).toString('hex'));
  },
  parse(request) {
    const parsed = jsonPayload(request, message, 'Relay');
    if (!parsed.ok) return parsed;
    const m = parsed.value;
    const customer = { id: m.from.id, ...(m.from.name ? { name: m.from.name } : {}) };
    const inbound: Inbound = m.payload !== undefined ? { kind: 'postback', payload: m.payload } : { kind: 'text', text: m.text ?? '' };
    const items: WebhookItem[] = [{ type: 'message', messageId: m.id, customer, inbound }];
    return ok(items);
  },
  async send(replies: readonly Reply[], to, { secret, replyUrl }, io) {
    const body = JSON.stringify({ to: to.customerId, replies });
    const headers = { 'content-type': 'application/json', 'x-relay-signature': hmacSha256(secret, Buffer.from(body)).toString('hex') };
    const result = await callApi(io, { url: replyUrl, headers, body }, (answer) =>
      isJsonObject(answer) && answer.accepted === false ? 'the bridge refused the replies' : undefined,
    );
    return result.ok ? { ok: true, sent: 1 } : { ok: false, sent: 0, error: result.error };
  },
});

export const channels = [relay];
