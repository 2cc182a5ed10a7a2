import { type Pause, callApi, isPause, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { MessagingSend } from './render';
import { metaThrottle } from './throttle';

/**
 * Messenger's Send API (`POST /me/messages`), which Instagram messaging shares: each call names the
 * recipient; the page token goes in the Authorization header, never in a URL that might be logged.
 */
export function sendMessaging(steps: readonly (MessagingSend | Pause)[], to: Recipient, accessToken: string, io: SendIo): Promise<SendResult> {
  return sendInOrder(steps, (step) =>
    callApi(io, {
      url: `${io.apiUrls.meta}/me/messages`,
      headers: { authorization: `Bearer ${accessToken}` },
      throttle: metaThrottle,
      json: 'message' in step ? { recipient: { id: to.customerId }, messaging_type: 'RESPONSE', message: step.message } : { recipient: { id: to.customerId }, sender_action: step.sender_action },
    }),
    io.resumeAfter,
  );
}

/**
 * Outside the 24-hour window, messages go out with a message tag (`messaging_type: MESSAGE_TAG`) the
 * page is allowed to use; sender actions (typing) are not allowed there and are left out.
 */
export function sendTagged(steps: readonly (MessagingSend | Pause)[], to: Recipient, accessToken: string, tag: string, io: SendIo): Promise<SendResult> {
  const messages = steps.flatMap((step) => (!isPause(step) && 'message' in step ? [step.message] : []));
  return sendInOrder(messages, (message) =>
    callApi(io, {
      url: `${io.apiUrls.meta}/me/messages`,
      headers: { authorization: `Bearer ${accessToken}` },
      throttle: metaThrottle,
      json: { recipient: { id: to.customerId }, messaging_type: 'MESSAGE_TAG', tag, message },
    }),
    io.resumeAfter,
  );
}
