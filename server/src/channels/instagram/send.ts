import type { Reply } from '@parley/shared';
import { sendMessaging } from '../meta/send';
import type { Recipient, SendIo, SendResult } from '../types';
import type { InstagramConfig } from './config';
import { renderInstagram } from './render';

export const sendInstagram = (replies: readonly Reply[], to: Recipient, config: InstagramConfig, io: SendIo): Promise<SendResult> =>
  sendMessaging(renderInstagram(replies), to, config.accessToken, io);
