/** Webhook bodies as LINE documents them (developers.line.biz/en/reference/messaging-api/#webhook-event-objects). */
export const lineBatch = (...events: object[]) => ({ destination: 'U9f3b6a1c2d4e5f60718293a4b5c6d7e8', events });

const base = (userId: string, webhookEventId: string, replyToken = `rt${webhookEventId}`) => ({
  replyToken,
  mode: 'active',
  timestamp: 1735689600000,
  source: { type: 'user', userId },
  webhookEventId,
  deliveryContext: { isRedelivery: false },
});

export const lineText = (userId: string, webhookEventId: string, text: string) => ({
  type: 'message',
  ...base(userId, webhookEventId),
  message: { id: `4445738440835${webhookEventId.length}`, type: 'text', quoteToken: 'q3Plxr4AgKd', text },
});

export const linePostback = (userId: string, webhookEventId: string, data: string) => ({
  type: 'postback',
  ...base(userId, webhookEventId),
  postback: { data, params: {} },
});

export const lineImage = (userId: string, webhookEventId: string) => ({
  type: 'message',
  ...base(userId, webhookEventId),
  message: { id: '354718705033693859', type: 'image', quoteToken: 'q3Plxr', contentProvider: { type: 'line' }, imageSet: { id: 'E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855', index: 1, total: 2 } },
});

export const lineSticker = (userId: string, webhookEventId: string) => ({
  type: 'message',
  ...base(userId, webhookEventId),
  message: { id: '1501597916', type: 'sticker', quoteToken: 'q3Plxr', stickerId: '52002738', packageId: '11537', stickerResourceType: 'ANIMATION' },
});

export const lineGroupText = (groupId: string, userId: string, webhookEventId: string, text: string) => ({
  type: 'message',
  ...base(userId, webhookEventId),
  source: { type: 'group', groupId, userId },
  message: { id: '468789577898262530', type: 'text', quoteToken: 'q3Plxr', text },
});

export const lineFollow = (userId: string, webhookEventId: string) => ({ type: 'follow', ...base(userId, webhookEventId), follow: { isUnblocked: false } });
