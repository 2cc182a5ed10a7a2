import { type Inbound, type JsonValue, type NodeContext, type NodeStep, type Reply, copyRecord, defineNodeType, next, wait, withEntry } from '@parley/shared';
import { recommend } from './recommend';
import { z } from 'zod';
import { optionByTyping } from '../../choice';
import { inboundText } from '../../text';

const option = z.object({
  id: z.string().min(1, 'every option needs an id').meta({ label: 'Option id', help: 'Sent when the customer taps this option.' }),
  title: z.string().trim().min(1, 'every option needs a title').max(200).meta({ label: 'Title', widget: 'text' }),
  points: z
    .record(z.string(), z.number())
    .default({})
    .meta({ label: 'Points per outcome', widget: 'json', help: 'e.g. { "glow": 2, "matte": 1 }: what choosing this option adds to each outcome.' }),
  attributes: z
    .record(z.string(), z.string())
    .default({})
    .meta({ label: 'Fits products with', widget: 'json', help: 'Catalog attributes this answer asks for, e.g. { "finish": "matte" }: recommendations rank products by how many they match.' }),
});

const question = z.object({
  id: z.string().min(1, 'every question needs an id').meta({ label: 'Question id' }),
  text: z.string().min(1, 'every question needs its text').max(4_096).meta({ label: 'Question', widget: 'template' }),
  variable: z.string().optional().meta({ label: 'Save the answer in', widget: 'variable', help: 'The chosen option title is stored in this variable.' }),
  options: z.array(option).min(2, 'a question needs at least two options').max(10, 'a question has at most ten options').meta({ label: 'Options', widget: 'list' }),
});

const outcome = z.object({
  id: z.string().min(1, 'every outcome needs an id').meta({ label: 'Outcome id' }),
  label: z.string().min(1, 'every outcome needs a label').max(200).meta({ label: 'Label', help: 'Shown on the output and saved as outcomeLabel.' }),
});

function duplicate(ids: readonly string[]): string | undefined {
  return ids.find((id, i) => ids.indexOf(id) !== i);
}

const config = z
  .object({
    label: z.string().optional().meta({ label: 'Label' }),
    questions: z.array(question).min(1, 'a quiz needs at least one question').max(30).meta({ label: 'Questions', widget: 'list' }),
    outcomes: z.array(outcome).min(1, 'a quiz needs at least one outcome').max(20).meta({ label: 'Outcomes', widget: 'list', help: 'Each outcome is an output; the one with the most points wins.' }),
    recommend: z
      .object({
        limit: z.number().int().min(1).max(10).default(3).meta({ label: 'How many', widget: 'number' }),
        saveAs: z.string().min(1).default('recommended').meta({ label: 'Save them in', widget: 'variable', help: 'A list a Products node can show ("Products from: variable"); each has a reason.' }),
        reason: z.string().min(1).max(300).default('because you chose {{choices}}').meta({ label: 'Reason', widget: 'template', help: '{{choices}} lists the answers a product matches, such as "Dry and Matte".' }),
      })
      .optional()
      .meta({ label: 'Recommend products', help: "Ranks the catalog by the answers' product attributes." }),
    saveAs: z.string().default('quiz').meta({ label: 'Save the result in', widget: 'variable', help: 'Holds answers, scores, outcome and outcomeLabel.' }),
    retryText: z
      .string()
      .default('Please pick one of: {{options}}')
      .meta({ label: 'When the answer is not an option', widget: 'template', help: '{{options}} lists the choices.' }),
    maxMisses: z.number().int().min(0).max(20).default(3).meta({ label: 'Misses before "Fallback"', widget: 'number', help: '0 asks again forever.' }),
  })
  .superRefine((data, ctx) => {
    const outcomeIds = data.outcomes.map((o) => o.id);
    const twice = duplicate(outcomeIds);
    if (twice !== undefined) ctx.addIssue({ code: 'custom', path: ['outcomes'], message: `two outcomes share the id "${twice}"` });
    if (outcomeIds.includes('fallback')) ctx.addIssue({ code: 'custom', path: ['outcomes'], message: 'the outcome id "fallback" is taken by the Fallback output' });
    const questionTwice = duplicate(data.questions.map((q) => q.id));
    if (questionTwice !== undefined) ctx.addIssue({ code: 'custom', path: ['questions'], message: `two questions share the id "${questionTwice}"` });
    data.questions.forEach((q, qi) => {
      const optionTwice = duplicate(q.options.map((o) => o.id));
      if (optionTwice !== undefined) ctx.addIssue({ code: 'custom', path: ['questions', qi, 'options'], message: `two options share the id "${optionTwice}"` });
      q.options.forEach((o, oi) => {
        for (const key of Object.keys(o.points))
          if (!outcomeIds.includes(key))
            ctx.addIssue({ code: 'custom', path: ['questions', qi, 'options', oi, 'points'], message: `"${key}" is not one of the quiz's outcomes` });
      });
    });
  });

type Config = z.output<typeof config>;
type Question = Config['questions'][number];
type Option = Question['options'][number];

/** Where the customer stands: answers so far (question id → option title) and running scores. */
const state = z.object({
  index: z.number().int().min(0),
  answers: z.record(z.string(), z.string()),
  scores: z.record(z.string(), z.number()),
  misses: z.number().int().min(0),
  /** Option ids chosen, by question id (the recommendation reads their product attributes). */
  chosen: z.record(z.string(), z.string()).default({}),
});
type State = z.output<typeof state>;

function ask(question: Question, text: string): Reply {
  return { type: 'buttons', text, buttons: question.options.map((o) => ({ title: o.title, payload: o.id })) };
}

function choose(question: Question, input: Inbound): Option | undefined {
  if (input.kind === 'postback') {
    const tapped = question.options.find((o) => o.id === input.payload);
    if (tapped) return tapped;
  }
  const typed = inboundText(input);
  if (typed === undefined) return undefined;
  return optionByTyping(typed, question.options, (o) => o.title);
}

/** Highest score wins; on a tie the outcome listed first. */
function winner(data: Config, scores: Readonly<Record<string, number>>): Config['outcomes'][number] | undefined {
  let best: Config['outcomes'][number] | undefined;
  for (const candidate of data.outcomes)
    if (best === undefined || (scores[candidate.id] ?? 0) > (scores[best.id] ?? 0)) best = candidate;
  return best;
}

function answer(data: Config, ctx: NodeContext, prior: State, question: Question, chosen: Option): NodeStep {
  const answers = withEntry(prior.answers, question.id, chosen.title);
  const chosenIds = withEntry(prior.chosen, question.id, chosen.id);
  const scores = copyRecord(prior.scores);
  for (const [outcomeId, points] of Object.entries(chosen.points)) scores[outcomeId] = (scores[outcomeId] ?? 0) + points;
  const set: { [key: string]: JsonValue } = question.variable ? { [question.variable]: chosen.title } : {};
  const index = prior.index + 1;
  const following = data.questions[index];
  if (following) {
    // Saved answers go out before the next question renders, so its text may quote them.
    const text = ctx.render(following.text, set);
    return wait({ index, answers, scores, misses: 0, chosen: chosenIds }, { set, replies: [ask(following, text)] });
  }
  const won = winner(data, scores);
  if (!won) return next('fallback', { set });
  const result: { [key: string]: JsonValue } = { answers, scores, outcome: won.id, outcomeLabel: won.label };
  if (data.recommend) {
    const options = data.questions.flatMap((q) => q.options.filter((o) => o.id === chosenIds[q.id]));
    const { limit, reason } = data.recommend;
    const recommended = recommend(options, ctx.products, limit, ctx.settings.locale, (choices) => ctx.render(reason, { choices }));
    set[data.recommend.saveAs] = recommended;
    result.recommended = recommended;
  }
  return next(won.id, { set: withEntry(set, data.saveAs, result) });
}

function initialState(data: Config): State {
  const scores: Record<string, number> = {};
  for (const o of data.outcomes) scores[o.id] = 0;
  return { index: 0, answers: {}, scores, misses: 0, chosen: {} };
}

/** A scored quiz: one question after another as buttons, then the outcome with the most points is the output taken. */
export const quizNode = defineNodeType({
  type: 'quiz',
  title: 'Quiz',
  category: 'Questions',
  description: 'Asks several questions with buttons, adds up points per outcome and follows the winning outcome.',
  icon: 'sparkles',
  config,
  state,
  ports: [
    { forEach: 'outcomes', idKey: 'id', labelKey: 'label', required: true },
    { id: 'fallback', label: 'Fallback' },
  ],
  variables: { writes: ['saveAs', 'questions[].variable', 'recommend.saveAs'], local: ['options', 'choices'] },
  waitsForCustomer: true,
  enter: (data, ctx) => {
    const [first] = data.questions;
    if (!first) return next('fallback');
    return wait(initialState(data), { replies: [ask(first, ctx.render(first.text))] });
  },
  resume: (data, ctx, input, stored) => {
    // Timers and other system events are not answers.
    if (input.kind !== 'text' && input.kind !== 'postback' && input.kind !== 'attachment') return wait(stored ?? initialState(data));
    const prior = stored ?? initialState(data);
    const question = data.questions[prior.index];
    if (!question) return next('fallback');
    const chosen = choose(question, input);
    if (chosen) return answer(data, ctx, prior, question, chosen);
    const misses = prior.misses + 1;
    if (data.maxMisses > 0 && misses >= data.maxMisses) return next('fallback');
    const text = ctx.render(data.retryText, { options: question.options.map((o) => o.title).join(', ') });
    return wait({ ...prior, misses }, { replies: [ask(question, text)] });
  },
});
