/**
 * Callbacks as Viber documents them (developers.viber.com/docs/api/rest-bot-api/#callbacks). Message
 * tokens are 64-bit integers, written into the JSON text as Viber does, digits and all.
 */
const withToken = (callback: object, token: string) => JSON.stringify({ ...callback, message_token: '__token__' }).replace('"__token__"', token);

export const viberUser = (id: string) => ({ id, name: 'John McClane', avatar: 'https://avatar.example.com/j.jpg', country: 'UK', language: 'en', api_version: 10 });

export const viberText = (userId: string, token: string, text: string, trackingData?: string) =>
  withToken({ event: 'message', timestamp: 1735689600000, chat_hostname: 'SN-376_', sender: viberUser(userId), message: { type: 'text', text, ...(trackingData ? { tracking_data: trackingData } : {}) }, silent: false }, token);

export const viberPicture = (userId: string, token: string) =>
  withToken({ event: 'message', timestamp: 1735689600000, chat_hostname: 'SN-376_', sender: viberUser(userId), message: { type: 'picture', text: 'my shade', media: 'https://dl-media.viber.com/5/media/2/short/any/sig/image/0x0/95e0/5ab.jpg', thumbnail: 'https://dl-media.viber.com/t.jpg', file_name: 'photo.jpg', size: 93841 } }, token);

export const viberLocation = (userId: string, token: string) =>
  withToken({ event: 'message', timestamp: 1735689600000, chat_hostname: 'SN-376_', sender: viberUser(userId), message: { type: 'location', location: { lat: 50.76891, lon: 6.11499 } } }, token);

export const viberDelivered = (userId: string, token: string) => withToken({ event: 'delivered', timestamp: 1735689601000, chat_hostname: 'SN-376_', user_id: userId }, token);

export const viberFailed = (userId: string, token: string) => withToken({ event: 'failed', timestamp: 1735689602000, chat_hostname: 'SN-376_', user_id: userId, desc: 'failure description' }, token);

export const viberSubscribed = (userId: string, token: string) => withToken({ event: 'subscribed', timestamp: 1735689603000, chat_hostname: 'SN-376_', user: viberUser(userId) }, token);

export const viberWebhookCheck = (token: string) => withToken({ event: 'webhook', timestamp: 1735689604000, chat_hostname: 'SN-376_' }, token);
