import {
  type BusinessHours,
  type JsonValue,
  type NodeContext,
  type NodeStep,
  businessHoursSchema,
  defineNodeType,
  end,
  isFromCustomer,
  isOpen,
  isTimeZone,
  next,
  nextOpening,
  wait,
} from '@parley/shared';
import { z } from 'zod';
import { defaultSummary, describeOpening } from './describe';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  queue: z
    .string()
    .trim()
    .min(1, 'name the team that takes the conversation')
    .max(100)
    .default('support')
    .meta({ label: 'Team', placeholder: 'support', help: 'The inbox queue that receives the conversation.' }),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal').meta({ label: 'Priority', widget: 'select' }),
  text: z
    .string()
    .min(1, 'the message to the customer cannot be empty')
    .max(1_000)
    .default("I'm connecting you with a member of our team. They'll reply here.")
    .meta({ label: 'Message when a person takes over', widget: 'template' }),
  summary: z
    .string()
    .max(4_000)
    .optional()
    .meta({ label: 'Summary for the team', widget: 'textarea', help: 'Use {{variables}}. Left empty, it lists what the conversation collected.' }),
  businessHours: businessHoursSchema.optional().meta({ label: 'Business hours', help: 'Outside them the conversation takes "Out of hours" instead.' }),
  outOfHoursText: z
    .string()
    .max(1_000)
    .optional()
    .meta({ label: 'Message out of hours', widget: 'template', help: '{{handoff.nextOpeningText}} says when the team is back.' }),
});

type Config = z.output<typeof config>;

const state = z.object({
  phase: z.enum(['requesting', 'active']),
  effectId: z.string(),
  queue: z.string(),
  /** The flow came here from an out-of-hours path: the customer already heard the team is away. */
  toldClosed: z.boolean().optional(),
});

/** The effect result the server feeds back: whether a person (or queue) took the conversation. */
const handoffResult = z.object({
  accepted: z.boolean(),
  reason: z.string().optional(),
  /** The team's own hours say closed: the conversation is queued all the same, for when they open. */
  outOfHours: z.object({ nextOpening: z.string().nullable(), timezone: z.string() }).optional(),
});
type OutOfHoursAnswer = NonNullable<z.output<typeof handoffResult>['outOfHours']>;

/** What the server feeds back when a person resolves the conversation and ends it. */
const endResult = z.object({ end: z.literal(true) });

/** Set by a node's own hours on the way here: the customer was told the team is away until an opening still ahead. */
const toldOutOfHours = z.object({ status: z.literal('out_of_hours'), nextOpening: z.string() });
const wasToldClosed = (ctx: NodeContext) => {
  const told = toldOutOfHours.safeParse(ctx.vars.handoff);
  return told.success && Date.parse(told.data.nextOpening) > ctx.now.getTime();
};

const QUEUED_CLOSED = "Our team is away right now. Your conversation is queued and they'll reply here {{handoff.nextOpeningText | as soon as they are back}}.";

/** Business hours in the node's time zone, else the flow's; a zone the platform does not know reads as UTC. */
function hoursOf(data: Config, ctx: NodeContext): BusinessHours | undefined {
  if (!data.businessHours) return undefined;
  const timezone = data.businessHours.timezone ?? ctx.settings.timezone;
  return { ...data.businessHours, timezone: isTimeZone(timezone) ? timezone : 'UTC' };
}

function outOfHours(data: Config, ctx: NodeContext, hours: BusinessHours): NodeStep {
  const opening = nextOpening(hours, ctx.now);
  const openingIso = opening ? opening.toISOString() : null;
  const handoff: JsonValue = {
    queue: data.queue,
    status: 'out_of_hours',
    nextOpening: openingIso,
    nextOpeningText: opening ? describeOpening(opening, hours.timezone, ctx.settings.locale) : '',
  };
  const text = data.outOfHoursText ? ctx.render(data.outOfHoursText, { handoff }).trim() : '';
  return next('outOfHours', {
    set: { handoff },
    replies: text ? [{ type: 'text', text }] : [],
    events: [{ type: 'handoff.out_of_hours', nodeId: ctx.nodeId, data: { queue: data.queue, nextOpening: openingIso } }],
  });
}

/**
 * The team's hours (the server's answer) say closed, but the conversation is queued for them: the
 * customer hears when the team is back (the node's out-of-hours text, else a default; its usual text
 * if the flow just told them), and the bot stays silent until a person resolves or releases it.
 */
function queuedOutOfHours(data: Config, ctx: NodeContext, prior: z.output<typeof state>, closed: OutOfHoursAnswer): NodeStep {
  const opening = closed.nextOpening === null ? null : new Date(closed.nextOpening);
  const valid = opening !== null && !Number.isNaN(opening.getTime()) ? opening : null;
  const timezone = isTimeZone(closed.timezone) ? closed.timezone : 'UTC';
  const handoff: JsonValue = {
    queue: prior.queue,
    status: 'out_of_hours',
    queued: true,
    nextOpening: valid ? valid.toISOString() : null,
    nextOpeningText: valid ? describeOpening(valid, timezone, ctx.settings.locale) : '',
  };
  const template = prior.toldClosed ? data.text : (data.outOfHoursText ?? QUEUED_CLOSED);
  const text = ctx.render(template, { handoff }).trim();
  return wait(
    { ...prior, phase: 'active' },
    {
      silent: true,
      set: { handoff },
      replies: text ? [{ type: 'handoff', text, queue: prior.queue }] : [],
      events: [
        { type: 'handoff.requested', nodeId: ctx.nodeId, data: { queue: prior.queue, priority: data.priority } },
        { type: 'handoff.out_of_hours', nodeId: ctx.nodeId, data: { queue: prior.queue, nextOpening: valid ? valid.toISOString() : null, queued: true } },
      ],
    },
  );
}

function start(data: Config, ctx: NodeContext): NodeStep {
  const hours = hoursOf(data, ctx);
  if (hours && !isOpen(hours, ctx.now)) return outOfHours(data, ctx, hours);
  const effectId = ctx.newId('handoff');
  const summary = data.summary ? ctx.render(data.summary) : defaultSummary(ctx.vars);
  return wait(
    { phase: 'requesting', effectId, queue: data.queue, ...(wasToldClosed(ctx) ? { toldClosed: true } : {}) },
    {
      set: { handoff: { queue: data.queue, status: 'requested' } },
      effects: [{ kind: 'handoff', id: effectId, queue: data.queue, priority: data.priority, summary, vars: { ...ctx.vars } }],
    },
  );
}

function released(ctx: NodeContext, queue: string, by: string | undefined): NodeStep {
  return next('released', {
    set: { handoff: { queue, status: 'released' } },
    events: [{ type: 'handoff.released', nodeId: ctx.nodeId, data: by === undefined ? { queue } : { queue, by } }],
  });
}

/**
 * Hands the conversation to a person. The server routes it (a `handoff` effect); once accepted the
 * bot stays silent until a person releases the conversation back to it.
 */
export const handoffNode = defineNodeType({
  type: 'handoff',
  title: 'Hand off to a person',
  category: 'Service',
  description: 'Passes the conversation to your team, within business hours; the bot stays quiet until they release it.',
  icon: 'headset',
  config,
  state,
  ports: [
    { id: 'released', label: 'Released' },
    { id: 'outOfHours', label: 'Out of hours' },
    { id: 'noAgent', label: 'No one available' },
  ],
  variables: { fixedWrites: ['handoff'], local: ['handoff'] },
  waitsForCustomer: true,
  enter: start,
  resume: (data, ctx, input, prior) => {
    // Released without a node to go to (the engine handles that case): continue from here.
    if (input.kind === 'released') return released(ctx, prior?.queue ?? data.queue, input.by);
    // A state this version cannot read: ask again if the customer is there, else keep waiting.
    if (!prior) return isFromCustomer(input) ? start(data, ctx) : wait(null);
    // A person has it: anything but the release leaves the bot silent.
    if (prior.phase === 'active') {
      // The person closed the conversation rather than hand it back: the session ends, silently.
      if (input.kind === 'effect' && input.effectId === prior.effectId && input.ok && endResult.safeParse(input.result).success)
        return end({ set: { handoff: { queue: prior.queue, status: 'resolved' } }, events: [{ type: 'handoff.ended', nodeId: ctx.nodeId, data: { queue: prior.queue } }] });
      return wait(prior, { silent: true });
    }
    if (input.kind !== 'effect' || input.effectId !== prior.effectId) return wait(prior);

    const result = input.ok ? handoffResult.safeParse(input.result) : undefined;
    if (result?.success && result.data.accepted && result.data.outOfHours) return queuedOutOfHours(data, ctx, prior, result.data.outOfHours);
    if (result?.success && result.data.accepted) {
      const handoff: JsonValue = { queue: prior.queue, status: 'accepted' };
      return wait(
        { ...prior, phase: 'active' },
        {
          silent: true,
          set: { handoff },
          replies: [{ type: 'handoff', text: ctx.render(data.text, { handoff }), queue: prior.queue }],
          events: [{ type: 'handoff.requested', nodeId: ctx.nodeId, data: { queue: prior.queue, priority: data.priority } }],
        },
      );
    }
    const reason = result?.success ? (result.data.reason ?? 'no one is available') : (input.error ?? 'the hand-off could not be made');
    return next('noAgent', {
      set: { handoff: { queue: prior.queue, status: 'no_agent', reason } },
      events: [{ type: 'handoff.no_agent', nodeId: ctx.nodeId, data: { queue: prior.queue, reason } }],
    });
  },
});
