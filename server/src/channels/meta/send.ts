import { type Pause, callApi, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { MessagingSend } from './render';

/**
 * Messenger's Send API (`POST /me/messages`), which Instagram messaging shares: each call names the
 * recipient; the page token goes in the Authorization header, never in a URL that might be logged.
 */
export function sendMessaging(steps: readonly (MessagingSend | Pause)[], to: Recipient, accessToken: string, io: SendIo): Promise<SendResult> {
  return sendInOrder(steps, (step) =>
    callApi(io, {
      url: `${io.apiUrls.meta}/me/messages`,
      headers: { authorization: `Bearer ${accessToken}` },
      json: 'message' in step ? { recipient: { id: to.customerId }, messaging_type: 'RESPONSE', message: step.message } : { recipient: { id: to.customerId }, sender_action: step.sender_action },
    }),
    io.resumeAfter,
  );
}
