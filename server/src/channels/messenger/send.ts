import type { Reply } from '@parley/shared';
import { sendMessaging, sendTagged } from '../meta/send';
import type { Recipient, SendIo, SendResult } from '../types';
import type { MessengerConfig } from './config';
import { renderMessenger } from './render';

export const sendMessenger = (replies: readonly Reply[], to: Recipient, config: MessengerConfig, io: SendIo): Promise<SendResult> =>
  sendMessaging(renderMessenger(replies), to, config.pageAccessToken, io);

/** Outside the 24-hour window only with the connection's message tag. */
export const sendMessengerTagged = (replies: readonly Reply[], to: Recipient, config: MessengerConfig, io: SendIo): Promise<SendResult> | undefined =>
  config.messageTag === undefined ? undefined : sendTagged(renderMessenger(replies), to, config.pageAccessToken, config.messageTag, io);

/** A person's reply from the inbox, up to 7 days after the customer's last message: the HUMAN_AGENT tag. */
export const sendMessengerAsAgent = (replies: readonly Reply[], to: Recipient, config: MessengerConfig, io: SendIo): Promise<SendResult> =>
  sendTagged(renderMessenger(replies), to, config.pageAccessToken, 'HUMAN_AGENT', io);
