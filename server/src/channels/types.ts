import type { Inbound, JsonValue, Reply } from '@parley/shared';
import type { z } from 'zod';
import type { ChannelApiUrls } from '../env';
import type { Result } from '../errors';
import type { RateLimit } from './rate';

/** A webhook request as it arrived. Signatures cover `body`, the raw bytes, never a re-encoding. */
export interface RawRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

/** The customer as the platform names them: its id is the conversation's key on that channel. */
export interface Customer {
  id: string;
  name?: string;
  language?: string;
}

/** Something a customer sent: run through the turn pipeline. */
export interface WebhookMessage {
  type: 'message';
  /** The platform's id of this message (mid, wamid, update_id…): a repeat is answered from the store. */
  messageId?: string;
  customer: Customer;
  inbound: Inbound;
  /** What the reply needs from the request (LINE reply token, Telegram callback query id…). */
  context?: Readonly<Record<string, string>>;
}

/** Anything else the platform reports (delivered, read, failed, follow…): recorded as an event, never run. */
export interface WebhookEvent {
  type: 'event';
  /** Recorded as `channel.<name>`. */
  name: string;
  customerId?: string;
  messageId?: string;
  data?: JsonValue;
}

export type WebhookItem = WebhookMessage | WebhookEvent;

/** Where replies go, and what the request that caused them left for the reply. */
export interface Recipient {
  customerId: string;
  context?: Readonly<Record<string, string>>;
}

/** The outside world a send needs; tests point `apiUrls` at a local stand-in of the platform. */
export interface SendIo {
  apiUrls: ChannelApiUrls;
  fetch: typeof fetch;
  /** Time limit of one platform call. */
  timeoutMs: number;
  /** Calls an earlier attempt already made for these replies: a retry resumes after them. */
  resumeAfter?: number;
  /** Names this delivery across retries, for platforms' idempotency keys (LINE's X-Line-Retry-Key). */
  deliveryKey?: string;
  /**
   * Waits for the connection's send-rate cap, a pause the platform asked for and a free slot among its
   * calls in flight, before each call; the call gives the slot back with the function it returns.
   */
  pace?: () => Promise<() => void>;
}

export interface SendError {
  /** The platform's HTTP status; absent when it could not be reached. */
  status?: number;
  message: string;
  /** 5xx, 429 and network errors may succeed later; a 4xx will not. */
  retryable: boolean;
  /** The platform asked to slow down (429, 503, or its own throttling codes): wait as long as it said, if it said. */
  throttle?: { retryAfterMs?: number; chatOnly?: boolean };
}

/** What a platform's profile API says of a customer whose webhooks carry no name. */
export interface PlatformProfile {
  name?: string;
  /** A BCP 47 tag where the platform gives one (`en-US`). */
  language?: string;
}

export type ProfileResult = { ok: true; profile: PlatformProfile } | { ok: false; error: SendError };

/** `sent` counts the platform calls that succeeded, in order (those of earlier attempts included), before a failure stopped the rest. */
export type SendResult = { ok: true; sent: number } | { ok: false; sent: number; error: SendError };

/** A synchronous channel's answer to its webhook; `later` holds replies that did not fit and go out by push. */
export interface WebhookAnswer {
  body: string;
  contentType: string;
  later: Reply[];
}

/**
 * The platform's customer-service window: it takes free-form messages only for a while after the
 * customer's last message (Meta: 24 hours, WeChat: 48) or only once they wrote (Viber).
 */
export interface ServiceWindow {
  /** Hours after the customer's last message; absent: no time limit once the customer wrote. */
  hours?: number;
  /** Events (as parsed, e.g. `unsubscribed`) that close it until the customer writes again. */
  closedBy?: readonly string[];
  /**
   * A person's reply (an agent answering from the inbox) may still go out this many hours after the
   * customer's last message, marked as a person's (Meta's `HUMAN_AGENT` tag: 7 days), through `sendAsAgent`.
   */
  agentHours?: number;
}

/** One channel bound to one bot's connection config. */
export interface ChannelConnection {
  /** Switched off: webhooks are acknowledged and ignored, nothing is sent. */
  enabled: boolean;
  /** The GET handshake (Meta's hub.challenge, WeChat's echostr): the body to answer, or undefined to refuse. */
  handshake?(request: RawRequest): string | undefined;
  verify(request: RawRequest): boolean;
  parse(request: RawRequest): Result<WebhookItem[]>;
  /** Synchronous channels answer the webhook itself with the turn's replies. */
  answer?(request: RawRequest, item: WebhookMessage | undefined, replies: readonly Reply[]): WebhookAnswer;
  /** Push channels send replies through the platform's API; without it, later replies wait for the next answer. */
  send?(replies: readonly Reply[], to: Recipient, io: SendIo): Promise<SendResult>;
  /**
   * Sends outside the service window the way the platform allows (a Messenger message tag, a WhatsApp
   * template) when the connection names one; undefined when it names none: nothing may go out.
   */
  sendOutsideWindow?(replies: readonly Reply[], to: Recipient, io: SendIo): Promise<SendResult> | undefined;
  /** A person's reply after the standard window, within `window.agentHours` (Meta's HUMAN_AGENT tag). */
  sendAsAgent?(replies: readonly Reply[], to: Recipient, io: SendIo): Promise<SendResult>;
  /** Looks the customer up in the platform's profile API, for apps whose webhooks carry no name. */
  profile?(customerId: string, io: SendIo): Promise<ProfileResult>;
  /** The send-rate limits of this connection (the platform's defaults, or its `sendRate`). */
  rateLimit?: RateLimit;
}

/**
 * A channel: one messaging app. Built with `defineChannel`; the registry lists them; a developer's
 * channel is the same shape (see docs/channels.md).
 */
export interface Channel {
  id: string;
  title: string;
  /** The connection config's schema (ids, secrets), as stored per bot. */
  config: z.ZodObject;
  /** Config fields that are secrets: masked when read back, kept when omitted from an update. */
  secrets: readonly string[];
  /** It sends through the platform's API (its replies go through the delivery outbox). */
  pushes: boolean;
  /** Its webhook's answer carries the turn's replies (WeChat, KakaoTalk). */
  answers: boolean;
  /** Where the platform refuses messages outside a customer-service window. */
  window?: ServiceWindow;
  /** The platform's documented send-rate limits (defaults; a connection may set `sendRate`). */
  rateLimit?: RateLimit;
  /** The platform calls plain-HTTP webhook URLs too (WeChat, KakaoTalk); the others insist on HTTPS. */
  acceptsHttp?: boolean;
  /** The channel's own checks of a stored connection (beyond its schema), for the Check button. */
  check?(config: Record<string, unknown>): { check: string; ok: boolean; message: string }[];
  bind(config: unknown): Result<ChannelConnection>;
}
