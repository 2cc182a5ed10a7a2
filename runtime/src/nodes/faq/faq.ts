import { type FaqEntry, type Inbound, type JsonValue, type NodeContext, type NodeStep, defineNodeType, formatValue, next, wait } from '@parley/shared';
import { optionByTyping } from '../../choice';
import { inboundText } from '../../text';
import { answerReplies, faqFor } from './answer';
import { type FaqConfig, type FaqState, faqConfig, faqState } from './config';
import { type Match, type Suggestion, matchQuestion } from './matching';

/** Payloads of the node's own buttons; entry ids follow `PICK`. */
const PICK = 'faq.pick:';
const NONE = 'faq.none';
const HELPFUL = 'faq.helpful';
const NOT_HELPFUL = 'faq.not_helpful';

type Answered = Extract<FaqState, { step: 'answered' }>;
type Suggested = Extract<FaqState, { step: 'suggested' }>;

/** An entry that may be answered (one disabled or removed since it was offered may not). */
const entryOf = (data: FaqConfig, ctx: NodeContext, id: string): FaqEntry | undefined => faqFor(data, ctx).byId.get(id);

/** Sends an entry's answer, then asks whether it helped (and waits) or follows Answered. */
function sendAnswer(data: FaqConfig, ctx: NodeContext, entry: FaqEntry, question: string, score: number): NodeStep {
  const faq = { question, matchId: entry.id, score };
  const answer = answerReplies(entry, ctx);
  if (!data.askHelpful) return next('answered', { replies: answer, set: { faq } });
  const buttons = [
    { title: ctx.render(data.yesTitle), payload: HELPFUL },
    { title: ctx.render(data.noTitle), payload: NOT_HELPFUL },
  ];
  const state: Answered = { step: 'answered', ...faq };
  return wait(state, { replies: [...answer, { type: 'buttons', text: ctx.render(data.helpfulText), buttons }], set: { faq } });
}

function noMatch(ctx: NodeContext, question: string, score: number, closestId: string | null, suggested?: Suggestion[]): NodeStep {
  const set = { faq: { question, matchId: null, score } };
  if (question.trim() === '') return next('noMatch', { set });
  // Unanswered questions are what the bot's owner should add next.
  const data: { [key: string]: JsonValue } = { question, score, closestId };
  if (suggested) data.suggestedIds = suggested.map((s) => s.id);
  return next('noMatch', { set, events: [{ type: 'faq.unanswered', nodeId: ctx.nodeId, data }] });
}

function answerQuestion(data: FaqConfig, ctx: NodeContext, question: string, known?: Match): NodeStep {
  if (question.trim() === '') return noMatch(ctx, question, 0, null);
  const match = known ?? matchQuestion(data, faqFor(data, ctx), question);
  if (match.kind === 'answer') {
    const entry = entryOf(data, ctx, match.id);
    if (entry) return sendAnswer(data, ctx, entry, question, match.score);
  }
  if (match.kind === 'suggest') {
    const buttons = match.suggestions.flatMap((s) => {
      const entry = entryOf(data, ctx, s.id);
      return entry ? [{ title: entry.question, payload: `${PICK}${entry.id}` }] : [];
    });
    buttons.push({ title: ctx.render(data.noneTitle), payload: NONE });
    const state: Suggested = { step: 'suggested', question, suggestions: match.suggestions };
    return wait(state, {
      replies: [{ type: 'buttons', text: ctx.render(data.didYouMeanText), buttons }],
      set: { faq: { question, matchId: null, score: match.score, suggestions: match.suggestions.map((s) => s.id) } },
    });
  }
  return noMatch(ctx, question, match.score, match.kind === 'none' ? match.closestId : null);
}

/** "Did you mean…?": a pick answers it, "None of these" follows No match, a typed question starts over. */
function resumeSuggested(data: FaqConfig, ctx: NodeContext, input: Inbound, state: Suggested): NodeStep {
  const options = [...state.suggestions.map((s) => ({ payload: `${PICK}${s.id}`, title: entryOf(data, ctx, s.id)?.question ?? s.id })), { payload: NONE, title: ctx.render(data.noneTitle) }];
  let payload: string | undefined;
  if (input.kind === 'postback') payload = input.payload;
  else if (input.kind === 'text') {
    payload = optionByTyping(input.text, options, (o) => o.title)?.payload;
    if (payload === undefined) return answerQuestion(data, ctx, input.text);
  } else if (input.kind !== 'attachment') return wait(state);
  const picked = payload?.startsWith(PICK) ? state.suggestions.find((s) => `${PICK}${s.id}` === payload) : undefined;
  const entry = picked && entryOf(data, ctx, picked.id);
  if (picked && entry) return sendAnswer(data, ctx, entry, state.question, picked.score);
  return noMatch(ctx, state.question, state.suggestions[0]?.score ?? 0, state.suggestions[0]?.id ?? null, state.suggestions);
}

/** "Was this helpful?": Yes follows Answered, No follows Not helpful; a new question is answered instead. */
function resumeAnswered(data: FaqConfig, ctx: NodeContext, input: Inbound, state: Answered): NodeStep {
  const { question, matchId, score } = state;
  let payload: string | undefined;
  if (input.kind === 'postback') payload = input.payload;
  else if (input.kind === 'text') {
    const options = [
      { payload: HELPFUL, title: ctx.render(data.yesTitle) },
      { payload: NOT_HELPFUL, title: ctx.render(data.noTitle) },
    ];
    payload = optionByTyping(input.text, options, (o) => o.title)?.payload;
    if (payload === undefined) {
      // Another question instead of feedback: answered or offered if the FAQ knows it; anything else
      // ("thanks!") leaves the answer as given.
      const match = matchQuestion(data, faqFor(data, ctx), input.text);
      if (match.kind !== 'none') return answerQuestion(data, ctx, input.text, match);
    }
  } else if (input.kind !== 'attachment') return wait(state);
  const helpful = payload !== NOT_HELPFUL;
  const event = { type: helpful ? 'faq.helpful' : 'faq.not_helpful', nodeId: ctx.nodeId, data: { question, matchId, score } };
  // Only an answer to the question counts as feedback; ignoring it carries on as helpful, unrecorded.
  const told = payload === HELPFUL || payload === NOT_HELPFUL;
  return next(helpful ? 'answered' : 'notHelpful', told ? { set: { faq: { question, matchId, score, helpful } }, events: [event] } : {});
}

/** Answers a typed question from the bot's FAQ table, matching paraphrases, not just exact words. */
export const faqNode = defineNodeType({
  type: 'faq',
  title: 'FAQ',
  category: 'Service',
  description: 'Answers frequent questions, however the customer words them; offers close questions when unsure and asks whether the answer helped.',
  icon: 'help-circle',
  config: faqConfig,
  ports: [
    { id: 'answered', label: 'Answered' },
    { id: 'notHelpful', label: 'Not helpful' },
    { id: 'noMatch', label: 'No match' },
  ],
  // No `reads: ['questionFrom']`: it holds a name even while the node waits and reads nothing, which would
  // make validation report a variable that is never set.
  variables: { fixedWrites: ['faq'] },
  readsFaq: { tags: 'tags[]' },
  waitsForCustomer: { when: 'waitForQuestion' },
  state: faqState,
  enter: (data, ctx) => {
    if (!data.waitForQuestion) return answerQuestion(data, ctx, formatValue(ctx.vars[data.questionFrom]));
    return wait(null, data.prompt ? { replies: [{ type: 'text', text: ctx.render(data.prompt) }] } : {});
  },
  resume: (data, ctx, input, state) => {
    if (state?.step === 'suggested') return resumeSuggested(data, ctx, input, state);
    if (state?.step === 'answered') return resumeAnswered(data, ctx, input, state);
    if (input.kind === 'text') return answerQuestion(data, ctx, input.text);
    if (input.kind === 'postback' || input.kind === 'attachment')
      return next('noMatch', { set: { faq: { question: inboundText(input) ?? '', matchId: null, score: 0 } } });
    // Timers and other system events are not questions.
    return wait(null);
  },
});
