import type { Reply } from '@parley/shared';
import { isJsonObject } from '@parley/shared';
import { callApi, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { ViberConfig } from './config';
import { renderViber } from './render';

/** Viber answers 200 with `status` 0 when it took the message, another code (and its reason) when not. */
const refusal = (body: unknown): string | undefined =>
  isJsonObject(body) && body.status !== 0 ? `${String(body.status_message ?? 'refused')} (status ${String(body.status)})` : undefined;

export function sendViber(replies: readonly Reply[], to: Recipient, config: ViberConfig, io: SendIo): Promise<SendResult> {
  const { steps, trackingData } = renderViber(replies);
  const sender = { name: config.senderName, ...(config.senderAvatar ? { avatar: config.senderAvatar } : {}) };
  return sendInOrder(steps, (message) =>
    callApi(
      io,
      {
        url: `${io.apiUrls.viber}/pa/send_message`,
        headers: { 'x-viber-auth-token': config.authToken },
        json: { receiver: to.customerId, min_api_version: message.type === 'rich_media' ? 2 : 1, sender, ...(trackingData ? { tracking_data: trackingData } : {}), ...message },
      },
      refusal,
    ),
    io.resumeAfter,
  );
}
