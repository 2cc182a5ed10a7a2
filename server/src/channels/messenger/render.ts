import { type MessagingLimits, createMessagingRenderer } from '../meta/render';

export const MESSENGER_LIMITS: MessagingLimits = {
  text: 2000,
  quickReplies: 13,
  quickReplyTitle: 20,
  templateText: 640,
  templateButtons: 3,
  buttonTitle: 20,
  elements: 10,
  elementTitle: 80,
  elementSubtitle: 80,
  payload: 1000,
};

export const renderMessenger = createMessagingRenderer(MESSENGER_LIMITS);
