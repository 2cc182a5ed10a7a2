import type { Reply } from '@parley/shared';
import { z } from 'zod';
import { type Result, fail, ok } from '../errors';
import { invalidInput } from '../http/validate';
import { type RateLimit, sendRateField } from './rate';
import type { Channel, ChannelConnection, ProfileResult, RawRequest, Recipient, SendIo, SendResult, ServiceWindow, WebhookAnswer, WebhookItem, WebhookMessage } from './types';

/** A channel as its author writes it: every function receives the bot's parsed connection config. */
export interface ChannelSpec<S extends z.ZodObject> {
  id: string;
  title: string;
  config: S;
  secrets: readonly (keyof z.output<S> & string)[];
  handshake?(request: RawRequest, config: z.output<S>): string | undefined;
  verify(request: RawRequest, config: z.output<S>): boolean;
  parse(request: RawRequest, config: z.output<S>): Result<WebhookItem[]>;
  answer?(request: RawRequest, config: z.output<S>, item: WebhookMessage | undefined, replies: readonly Reply[]): WebhookAnswer;
  send?(replies: readonly Reply[], to: Recipient, config: z.output<S>, io: SendIo): Promise<SendResult>;
  window?: ServiceWindow;
  /** A person's reply after the standard window, within `window.agentHours` (Meta's HUMAN_AGENT tag). */
  sendAsAgent?(replies: readonly Reply[], to: Recipient, config: z.output<S>, io: SendIo): Promise<SendResult>;
  /** The platform's profile of a customer (name, language), looked up once after their first turn. */
  profile?(customerId: string, config: z.output<S>, io: SendIo): Promise<ProfileResult>;
  /** The platform calls plain-HTTP webhook URLs too (WeChat, KakaoTalk). */
  acceptsHttp?: boolean;
  /** Checks of a parsed connection beyond its schema, for the Check button. */
  check?(config: z.output<S>): { check: string; ok: boolean; message: string }[];
  /** The platform's send-rate limits; the connection config gains an optional `sendRate` to raise or lower the cap. */
  rateLimit?: RateLimit;
  /** Outside the window: a send the platform allows there, or undefined when the connection names none. */
  sendOutsideWindow?(replies: readonly Reply[], to: Recipient, config: z.output<S>, io: SendIo): Promise<SendResult> | undefined;
}

/** Every connection can be switched off without losing its settings. */
const ENABLED = z.object({
  enabled: z.boolean().optional().meta({ description: 'On unless set to false. Off: webhooks are acknowledged and ignored, and nothing is sent, until it is on again.' }),
});

/** A channel's own checks, run on its parsed config (nothing when it does not parse: the schema's check says why). */
function checkWith<S extends z.ZodObject>(schema: S, check: (config: z.output<S>) => { check: string; ok: boolean; message: string }[]) {
  return (raw: Record<string, unknown>) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? check(parsed.data) : [];
  };
}

/** Checks a channel's config once per connection and binds its functions to it. */
export function defineChannel<S extends z.ZodObject>(spec: ChannelSpec<S>): Channel {
  const { handshake, answer, send, sendOutsideWindow, sendAsAgent, profile, rateLimit } = spec;
  const sendRate = rateLimit ? z.object({ sendRate: sendRateField(rateLimit) }) : undefined;
  const common = z.object({ ...ENABLED.shape, ...sendRate?.shape });
  return {
    id: spec.id,
    title: spec.title,
    config: spec.config.extend(common.shape),
    secrets: spec.secrets,
    pushes: send !== undefined,
    answers: answer !== undefined,
    ...(spec.window ? { window: spec.window } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(spec.acceptsHttp ? { acceptsHttp: true } : {}),
    ...(spec.check ? { check: checkWith(spec.config, spec.check) } : {}),
    bind(raw): Result<ChannelConnection> {
      const parsed = spec.config.safeParse(raw);
      if (!parsed.success) return fail(invalidInput(parsed.error.issues, `The ${spec.title} connection`));
      const config = parsed.data;
      const settings = common.safeParse(raw);
      if (!settings.success) return fail(invalidInput(settings.error.issues, `The ${spec.title} connection`));
      const rate = sendRate?.safeParse(raw);
      return ok({
        enabled: settings.data.enabled !== false,
        handshake: handshake ? (request) => handshake(request, config) : undefined,
        verify: (request) => spec.verify(request, config),
        parse: (request) => spec.parse(request, config),
        answer: answer ? (request, item, replies) => answer(request, config, item, replies) : undefined,
        send: send ? (replies, to, io) => send(replies, to, config, io) : undefined,
        sendOutsideWindow: sendOutsideWindow ? (replies, to, io) => sendOutsideWindow(replies, to, config, io) : undefined,
        ...(sendAsAgent ? { sendAsAgent: (replies: readonly Reply[], to: Recipient, io: SendIo) => sendAsAgent(replies, to, config, io) } : {}),
        ...(profile ? { profile: (customerId: string, io: SendIo) => profile(customerId, config, io) } : {}),
        ...(rateLimit ? { rateLimit: { ...rateLimit, perSecond: rate?.data?.sendRate ?? rateLimit.perSecond } } : {}),
      });
    },
  };
}
