import type { Reply } from '@parley/shared';
import { sendMessaging } from '../meta/send';
import type { Recipient, SendIo, SendResult } from '../types';
import type { MessengerConfig } from './config';
import { renderMessenger } from './render';

export const sendMessenger = (replies: readonly Reply[], to: Recipient, config: MessengerConfig, io: SendIo): Promise<SendResult> =>
  sendMessaging(renderMessenger(replies), to, config.pageAccessToken, io);
