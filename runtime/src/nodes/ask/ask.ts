import { type Inbound, type JsonValue, type NodeContext, type Reply, type Variables, defineNodeType, isFromCustomer, next, wait } from '@parley/shared';
import { z } from 'zod';
import { inboundText } from '../../text';
import { dayIn, matchOption, parseDate, parseEmail, parseNumber, parsePhone } from './answers';

const ANSWER_TYPES = ['text', 'number', 'email', 'phone', 'date', 'oneOf'] as const;

const config = z
  .object({
    label: z.string().optional().meta({ label: 'Label' }),
    text: z
      .string({ error: 'write the question to ask' })
      .min(1, 'write the question to ask')
      .max(4_096)
      .meta({ label: 'Question', widget: 'template', help: 'Use {{variable}} to insert earlier answers.' }),
    variable: z
      .string({ error: 'name the variable that keeps the answer' })
      .regex(/^[A-Za-z_][\w.]*$/, 'a variable name starts with a letter or _ and holds only letters, digits, _ and dots')
      .meta({ label: 'Save the answer in', widget: 'variable' }),
    answerType: z
      .enum(ANSWER_TYPES)
      .default('text')
      .meta({ label: 'Expected answer', widget: 'select', help: 'Answers that do not fit are asked again.' }),
    options: z
      .array(z.string().min(1, 'an option cannot be empty').max(200))
      .max(50)
      .default([])
      .meta({ label: 'Options', widget: 'list', help: 'For "one of" questions. Shown as buttons; typing an option or its number counts too.' }),
    min: z.number().optional().meta({ label: 'Smallest number', widget: 'number', help: 'For number questions (optional).' }),
    max: z.number().optional().meta({ label: 'Largest number', widget: 'number', help: 'For number questions (optional).' }),
    dateOrder: z
      .enum(['dmy', 'mdy'])
      .default('dmy')
      .meta({ label: 'Date order', widget: 'select', help: 'How to read 02/03/2026: day first (dmy) or month first (mdy). 2026-03-02, "today" and "tomorrow" always work.' }),
    invalidText: z
      .string()
      .max(4_096)
      .optional()
      .meta({
        label: 'When the answer does not fit',
        widget: 'template',
        help: 'Leave empty for a message that fits the answer type. {{options}}, {{min}}, {{max}} and {{dateFormat}} are available.',
      }),
    maxRetries: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(3)
      .meta({ label: 'Times to ask again before "Invalid"', widget: 'number', help: '0 asks again forever.' }),
  })
  .superRefine((data, issues) => {
    if (data.answerType === 'oneOf' && data.options.length === 0)
      issues.addIssue({ code: 'custom', path: ['options'], message: 'a "one of" question needs at least one option' });
    if (data.min !== undefined && data.max !== undefined && data.min > data.max)
      issues.addIssue({ code: 'custom', path: ['max'], message: 'the largest number cannot be smaller than the smallest' });
  });

type Config = z.output<typeof config>;

const state = z.object({ retries: z.number().int().min(0) });

/** An answer read: the value to store, or the default message saying why it does not fit. */
type Answer = { ok: true; value: JsonValue } | { ok: false; problem: string };

const AGAIN = 'Please try again.';

function rangeProblem(data: Config): string {
  if (data.min !== undefined && data.max !== undefined) return 'Please enter a number between {{min}} and {{max}}.';
  if (data.min !== undefined) return 'Please enter a number of at least {{min}}.';
  return 'Please enter a number no larger than {{max}}.';
}

function readAnswer(data: Config, ctx: NodeContext, input: Inbound): Answer {
  const typed = inboundText(input);
  if (typed === undefined || typed.trim() === '')
    return { ok: false, problem: data.answerType === 'oneOf' ? 'Please pick one of: {{options}}' : 'Please type your answer.' };
  const fits = (value: JsonValue | undefined, problem: string): Answer => (value === undefined ? { ok: false, problem } : { ok: true, value });
  switch (data.answerType) {
    case 'text':
      return { ok: true, value: typed.trim() };
    case 'number': {
      const value = parseNumber(typed);
      if (value === undefined) return { ok: false, problem: `That doesn't look like a number. ${AGAIN}` };
      const inRange = (data.min === undefined || value >= data.min) && (data.max === undefined || value <= data.max);
      return inRange ? { ok: true, value } : { ok: false, problem: rangeProblem(data) };
    }
    case 'email':
      return fits(parseEmail(typed), `That doesn't look like an email address. ${AGAIN}`);
    case 'phone':
      return fits(parsePhone(typed), `That doesn't look like a phone number. ${AGAIN}`);
    case 'date':
      return fits(parseDate(typed, data.dateOrder, dayIn(ctx.now, ctx.settings.timezone)), "That doesn't look like a date. Please write it as {{dateFormat}}.");
    case 'oneOf': {
      // A tapped button sends the option itself as its payload.
      const tapped = input.kind === 'postback' ? data.options.find((option) => option === input.payload) : undefined;
      return fits(tapped ?? matchOption(typed, data.options), 'Please pick one of: {{options}}');
    }
  }
}

/** Names the invalid-answer message may use besides the flow's variables. */
function messageLocals(data: Config): Variables {
  const locals: Variables = { options: data.options.join(', '), dateFormat: data.dateOrder === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy' };
  if (data.min !== undefined) locals.min = data.min;
  if (data.max !== undefined) locals.max = data.max;
  return locals;
}

function prompt(data: Config, text: string): Reply {
  if (data.answerType !== 'oneOf') return { type: 'text', text };
  return { type: 'buttons', text, buttons: data.options.map((option) => ({ title: option, payload: option })) };
}

/** A question whose typed answer is checked, stored in a variable, and asked again while it does not fit. */
export const askNode = defineNodeType({
  type: 'ask',
  title: 'Ask a question',
  category: 'Questions',
  description: 'Asks a question and saves the answer: text, a number, an email, a phone number, a date, or one of some options.',
  icon: 'help-circle',
  config,
  state,
  ports: [
    { id: 'next', label: 'Answered', required: true },
    { id: 'invalid', label: 'Invalid' },
  ],
  variables: { writes: ['variable'], local: ['options', 'min', 'max', 'dateFormat'] },
  waitsForCustomer: true,
  enter: (data, ctx) => wait({ retries: 0 }, { replies: [prompt(data, ctx.render(data.text))] }),
  resume: (data, ctx, input, prior) => {
    const retries = prior?.retries ?? 0;
    if (!isFromCustomer(input)) {
      // A person handing the conversation back: ask again. Timers and effects meant for others change nothing.
      if (input.kind === 'released') return wait({ retries }, { replies: [prompt(data, ctx.render(data.text))] });
      return wait({ retries });
    }
    const answer = readAnswer(data, ctx, input);
    if (answer.ok) return next('next', { set: { [data.variable]: answer.value } });
    if (data.maxRetries > 0 && retries >= data.maxRetries) return next('invalid');
    const text = ctx.render(data.invalidText || answer.problem, messageLocals(data));
    return wait({ retries: retries + 1 }, { replies: [prompt(data, text)] });
  },
});
