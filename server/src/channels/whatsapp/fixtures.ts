/**
 * Cloud API webhooks as Meta documents them
 * (developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples).
 */
export const WA_PHONE_NUMBER_ID = '106540352242922';

const metadata = { display_phone_number: '15550783881', phone_number_id: WA_PHONE_NUMBER_ID };

export const waBatch = (value: object, phoneNumberId = WA_PHONE_NUMBER_ID) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ value: { messaging_product: 'whatsapp', metadata: { ...metadata, phone_number_id: phoneNumberId }, ...value }, field: 'messages' }] }],
});

const contacts = (waId: string) => [{ profile: { name: 'Sheena Nelson' }, wa_id: waId }];

export const waText = (waId: string, id: string, body: string) => ({
  contacts: contacts(waId),
  messages: [{ from: waId, id, timestamp: '1735689600', text: { body }, type: 'text' }],
});

export const waButtonReply = (waId: string, id: string, replyId: string, title: string) => ({
  contacts: contacts(waId),
  messages: [{ context: { from: '15550783881', id: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1QjJGRjI1RDY0RkE4Nzg4QzcA' }, from: waId, id, timestamp: '1735689601', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: replyId, title } } }],
});

export const waListReply = (waId: string, id: string, replyId: string, title: string) => ({
  contacts: contacts(waId),
  messages: [{ from: waId, id, timestamp: '1735689602', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: replyId, title, description: title } } }],
});

export const waImage = (waId: string, id: string) => ({
  contacts: contacts(waId),
  messages: [{ from: waId, id, timestamp: '1735689603', type: 'image', image: { caption: 'this one?', mime_type: 'image/jpeg', sha256: 'IMAGE_HASH', id: '1003383421387256' } }],
});

export const waLocation = (waId: string, id: string) => ({
  contacts: contacts(waId),
  messages: [{ from: waId, id, timestamp: '1735689604', type: 'location', location: { latitude: 37.483307, longitude: -122.148981, name: 'Pablo Morales', address: '1 Hacker Way, Menlo Park, CA 94025' } }],
});

export const waReaction = (waId: string, id: string) => ({
  contacts: contacts(waId),
  messages: [{ from: waId, id, timestamp: '1735689605', type: 'reaction', reaction: { message_id: 'wamid.out', emoji: '👍' } }],
});

export const waStatus = (waId: string, id: string, status: 'sent' | 'delivered' | 'read' | 'failed') => ({
  statuses: [
    {
      id,
      status,
      timestamp: '1735689606',
      recipient_id: waId,
      ...(status === 'failed' ? { errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message' }] } : {}),
      conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } },
      pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
    },
  ],
});
