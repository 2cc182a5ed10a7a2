import type { Inbound } from '@parley/shared';
import { z } from 'zod';
import { type Result, ok } from '../../errors';
import { jsonPayload } from '../payload';
import type { RawRequest, WebhookItem } from '../types';

// The skill payload (kakaobusiness.gitbook.io/main/tool/chatbot/skill_guide/answer_json_format#skillpayload).
const payload = z.object({
  intent: z.object({ id: z.string(), name: z.string() }),
  userRequest: z.object({
    timezone: z.string().optional(),
    block: z.object({ id: z.string(), name: z.string() }).optional(),
    utterance: z.string(),
    lang: z.string().nullable().optional(),
    user: z.object({ id: z.string(), type: z.string(), properties: z.record(z.string(), z.unknown()).optional() }),
  }),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  action: z.object({ name: z.string(), id: z.string(), clientExtra: z.record(z.string(), z.unknown()).nullable().optional(), params: z.record(z.string(), z.unknown()).optional() }),
});

/**
 * One utterance per request. A button set up with this bot's block carries its payload in
 * `clientExtra`; otherwise what it says is matched like typing. Kakao gives no message id (it does not
 * redeliver: an answer late by five seconds is an error shown to the customer), so nothing is deduped.
 */
export function parseKakao(request: RawRequest): Result<WebhookItem[]> {
  const parsed = jsonPayload(request, payload, 'KakaoTalk');
  if (!parsed.ok) return parsed;
  const { userRequest, action } = parsed.value;
  const extra = action.clientExtra?.payload;
  const customer = { id: userRequest.user.id, ...(userRequest.lang ? { language: userRequest.lang } : {}) };
  const inbound: Inbound =
    typeof extra === 'string' && extra !== ''
      ? { kind: 'postback', payload: extra, ...(userRequest.utterance ? { title: userRequest.utterance } : {}) }
      : { kind: 'text', text: userRequest.utterance };
  return ok([{ type: 'message', customer, inbound }]);
}
