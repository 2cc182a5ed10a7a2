import { type NodeContext, type NodeStep, defineNodeType, formatValue, next, wait } from '@parley/shared';
import { z } from 'zod';
import { inboundText } from '../../text';
import { type MatchIndex, bestMatch, buildIndex } from './matcher';

const entry = z.object({
  id: z.string().min(1, 'every question needs an id').meta({ label: 'Id' }),
  question: z.string().trim().min(1, 'every entry needs its question').max(500).meta({ label: 'Question' }),
  alternatives: z
    .array(z.string().max(500))
    .max(50)
    .default([])
    .meta({ label: 'Other ways to ask', widget: 'list', help: 'Phrasings customers use, e.g. "wifi password" or "can I bring my dog".' }),
  answer: z.string().trim().min(1, 'every entry needs its answer').max(4_096).meta({ label: 'Answer', widget: 'template' }),
  enabled: z.boolean().default(true).meta({ label: 'Enabled', widget: 'checkbox' }),
});

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  entries: z
    .array(entry)
    .min(1, 'add at least one question and answer')
    .max(1_000)
    .refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'two entries share an id')
    .meta({ label: 'Questions and answers', widget: 'list' }),
  prompt: z.string().max(4_096).optional().meta({ label: 'Prompt', widget: 'template', placeholder: 'What would you like to know?', help: 'Sent before waiting for the question (optional).' }),
  waitForQuestion: z
    .boolean()
    .default(true)
    .meta({ label: 'Wait for the customer to ask', widget: 'checkbox', help: 'Off: answer the question already saved in a variable.' }),
  questionFrom: z.string().default('question').meta({ label: 'Question variable', widget: 'variable', help: 'Used when not waiting for the customer.' }),
  threshold: z
    .number()
    .min(0, 'the threshold is between 0 and 1')
    .max(1, 'the threshold is between 0 and 1')
    .default(0.35)
    .meta({ label: 'How close a match must be', widget: 'number', help: 'From 0 (anything) to 1 (the same words); 0.35 suits most FAQs.' }),
});

type Config = z.output<typeof config>;

// Entries are parsed once per bound flow; the index is built on first use and kept alongside them.
const indexes = new WeakMap<Config['entries'], MatchIndex>();
function indexOf(entries: Config['entries']): MatchIndex {
  let index = indexes.get(entries);
  if (!index) {
    index = buildIndex(entries.filter((e) => e.enabled).map((e) => ({ id: e.id, phrases: [e.question, ...e.alternatives] })));
    indexes.set(entries, index);
  }
  return index;
}

const rounded = (score: number): number => Math.round(score * 1000) / 1000;

function answer(data: Config, ctx: NodeContext, question: string): NodeStep {
  const match = question.trim() === '' ? { id: undefined, score: 0 } : bestMatch(indexOf(data.entries), question);
  const score = rounded(match.score);
  const found = match.score >= data.threshold ? data.entries.find((e) => e.id === match.id) : undefined;
  if (found)
    return next('answered', {
      replies: [{ type: 'text', text: ctx.render(found.answer) }],
      set: { faq: { question, matchId: found.id, score } },
    });
  const set = { faq: { question, matchId: null, score } };
  if (question.trim() === '') return next('noMatch', { set });
  // Unanswered questions are what the bot's owner should add next.
  const unanswered = { question, score, closestId: match.id ?? null };
  return next('noMatch', { set, events: [{ type: 'faq.unanswered', nodeId: ctx.nodeId, data: unanswered }] });
}

/** Answers a typed question from a list of questions and answers, matching paraphrases, not just exact words. */
export const faqNode = defineNodeType({
  type: 'faq',
  title: 'FAQ',
  category: 'Service',
  description: 'Answers frequent questions, however the customer words them. Unmatched questions follow "No match".',
  icon: 'help-circle',
  config,
  ports: [
    { id: 'answered', label: 'Answered' },
    { id: 'noMatch', label: 'No match' },
  ],
  // No `reads: ['questionFrom']`: it holds a name even while the node waits and reads nothing, which would
  // make validation report a variable that is never set.
  variables: { fixedWrites: ['faq'] },
  waitsForCustomer: { when: 'waitForQuestion' },
  enter: (data, ctx) => {
    if (!data.waitForQuestion) return answer(data, ctx, formatValue(ctx.vars[data.questionFrom]));
    return wait(null, data.prompt ? { replies: [{ type: 'text', text: ctx.render(data.prompt) }] } : {});
  },
  resume: (data, ctx, input) => {
    if (input.kind === 'text') return answer(data, ctx, input.text);
    if (input.kind === 'postback' || input.kind === 'attachment')
      return next('noMatch', { set: { faq: { question: inboundText(input) ?? '', matchId: null, score: 0 } } });
    // Timers and other system events are not questions.
    return wait(null);
  },
});
