import type { Reply } from '@parley/shared';
import { sendMessaging, sendTagged } from '../meta/send';
import type { Recipient, SendIo, SendResult } from '../types';
import type { InstagramConfig } from './config';
import { renderInstagram } from './render';

export const sendInstagram = (replies: readonly Reply[], to: Recipient, config: InstagramConfig, io: SendIo): Promise<SendResult> =>
  sendMessaging(renderInstagram(replies), to, config.accessToken, io);

/** A person's reply from the inbox, up to 7 days after the customer's last message: the HUMAN_AGENT tag. */
export const sendInstagramAsAgent = (replies: readonly Reply[], to: Recipient, config: InstagramConfig, io: SendIo): Promise<SendResult> =>
  sendTagged(renderInstagram(replies), to, config.accessToken, 'HUMAN_AGENT', io);
