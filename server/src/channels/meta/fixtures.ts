/**
 * Webhook bodies as Meta documents them for Messenger (`object: "page"`) and Instagram
 * (`object: "instagram"`): developers.facebook.com/docs/messenger-platform/reference/webhook-events.
 */
export type MetaObject = 'page' | 'instagram';

const ACCOUNT = { page: '104589671234567', instagram: '17841405793187218' } as const;

export const metaBatch = (object: MetaObject, ...messaging: object[]) => ({
  object,
  entry: [{ id: ACCOUNT[object], time: 1735689600123, messaging }],
});

const around = (object: MetaObject, sender: string, timestamp: number) => ({ sender: { id: sender }, recipient: { id: ACCOUNT[object] }, timestamp });

export const metaText = (object: MetaObject, sender: string, mid: string, text: string) => ({
  ...around(object, sender, 1735689600000),
  message: { mid, text },
});

export const metaQuickReply = (object: MetaObject, sender: string, mid: string, title: string, payload: string) => ({
  ...around(object, sender, 1735689601000),
  message: { mid, text: title, quick_reply: { payload } },
});

export const metaPostback = (object: MetaObject, sender: string, mid: string, title: string, payload: string) => ({
  ...around(object, sender, 1735689602000),
  postback: { mid, title, payload },
});

export const metaImage = (object: MetaObject, sender: string, mid: string) => ({
  ...around(object, sender, 1735689603000),
  message: { mid, attachments: [{ type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg' } }] },
});

export const metaEcho = (object: MetaObject, sender: string, mid: string) => ({
  sender: { id: ACCOUNT[object] },
  recipient: { id: sender },
  timestamp: 1735689604000,
  message: { mid, is_echo: true, app_id: 1517776481860111, text: 'our own reply' },
});

export const metaDelivery = (object: MetaObject, sender: string, mids: string[]) => ({
  ...around(object, sender, 1735689605000),
  delivery: { mids, watermark: 1735689605000 },
});

export const metaRead = (object: MetaObject, sender: string) => ({
  ...around(object, sender, 1735689606000),
  read: { watermark: 1735689606000 },
});
