/**
 * What a developer's channel module uses (see docs/channels.md): the contract, `defineChannel`, and the
 * helpers the built-in channels are made of.
 */
export { defineChannel, type ChannelSpec } from './channels/define';
export type { Channel, ChannelConnection, Customer, RawRequest, Recipient, SendError, SendIo, SendResult, WebhookAnswer, WebhookEvent, WebhookItem, WebhookMessage } from './channels/types';
export { hmacSha256, headerMatches, safeEqual, sha1Hex } from './channels/signing';
export { bodyText, geoUri, jsonPayload, payLabel } from './channels/payload';
export { callApi, sendInOrder, type ApiCall, type ApiResult, type Pause } from './channels/http';
export { cardsAsText, cut, cutBytes, numbered, replyAsText, repliesAsText, split } from './channels/text';
export { type Result, ok, fail } from './errors';
