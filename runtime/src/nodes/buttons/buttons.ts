import { type Reply, defineNodeType, fixedReplies, isFromCustomer, next, wait } from '@parley/shared';
import { z } from 'zod';
import { optionByTyping } from '../../choice';
import { inboundText } from '../../text';

const button = z.object({
  id: z.string().min(1).meta({ label: 'Output id' }),
  title: z.string().min(1).max(200).meta({ label: 'Title', widget: 'template' }),
  payload: z.string().max(1_000).optional().meta({ label: 'Payload', help: 'Sent by the app when tapped; defaults to the output id.' }),
});

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  text: z.string().min(1).max(4_096).meta({ label: 'Question', widget: 'template' }),
  buttons: z.array(button).min(1).max(50).meta({ label: 'Buttons', widget: 'list' }),
  saveAs: z.string().optional().meta({ label: 'Save the choice in', widget: 'variable', help: 'The chosen title is stored in this variable.' }),
  retryText: z
    .string()
    .default('Please pick one of: {{options}}')
    .meta({ label: 'When the answer is not an option', widget: 'template', help: '{{options}} lists the choices.' }),
  repeatButtons: z.boolean().default(true).meta({ label: 'Show the buttons again with that message', widget: 'checkbox' }),
  maxMisses: z.number().int().min(0).max(20).default(3).meta({ label: 'Misses before "Fallback"', widget: 'number', help: '0 asks again forever.' }),
});

type Config = z.output<typeof config>;

const state = z.object({ misses: z.number().int().min(0) });

function choose(data: Config, input: { kind: string; text?: string; payload?: string; title?: string }) {
  if (input.kind === 'postback') {
    const byPayload = data.buttons.find((b) => (b.payload ?? b.id) === input.payload);
    if (byPayload) return byPayload;
  }
  const typed = inboundText(input);
  if (typed === undefined) return undefined;
  return optionByTyping(typed, data.buttons, (b) => b.title);
}

// A question with no {{…}} is the same for everyone: made once per node (see shared/src/fixed-replies.ts).
const question = fixedReplies(
  (data: Config) => [data.text, ...data.buttons.map((b) => b.title)],
  (data, render): Reply => ({ type: 'buttons', text: render(data.text), buttons: data.buttons.map((b) => ({ title: render(b.title), payload: b.payload ?? b.id })) }),
);

/** A question with buttons: one output per button, and "Fallback" after too many answers that fit none. */
export const buttonsNode = defineNodeType({
  type: 'buttons',
  title: 'Buttons',
  category: 'Questions',
  description: 'Asks a question with buttons; each button is an output. Typed answers that match a title count too.',
  icon: 'list',
  config,
  state,
  ports: [
    { forEach: 'buttons', idKey: 'id', labelKey: 'title' },
    { id: 'fallback', label: 'Fallback' },
  ],
  variables: { writes: ['saveAs'], local: ['options'] },
  waitsForCustomer: true,
  enter: (data, ctx) => wait({ misses: 0 }, { replies: [question(data, ctx.render)] }),
  resume: (data, ctx, input, prior) => {
    // Timers, payments and effect results are not answers: keep waiting, say nothing.
    if (!isFromCustomer(input)) return wait(prior ?? { misses: 0 });
    const chosen = choose(data, input);
    if (chosen) return next(chosen.id, data.saveAs ? { set: { [data.saveAs]: ctx.render(chosen.title) } } : {});
    const misses = (prior?.misses ?? 0) + 1;
    if (data.maxMisses > 0 && misses >= data.maxMisses) return next('fallback');
    const titles = data.buttons.map((b) => ctx.render(b.title));
    const text = ctx.render(data.retryText, { options: titles.join(', ') });
    const reply: Reply = data.repeatButtons
      ? { type: 'buttons', text, buttons: data.buttons.map((b, i) => ({ title: titles[i] ?? b.title, payload: b.payload ?? b.id })) }
      : { type: 'text', text };
    return wait({ misses }, { replies: [reply] });
  },
});
