import { z } from 'zod';

/** A confidence: 0 (anything) to 1 (the same words). */
const confidence = (name: string, fallback: number) =>
  z.number().min(0, `the ${name} is between 0 and 1`).max(1, `the ${name} is between 0 and 1`).default(fallback);

const buttonTitle = (name: string, fallback: string) => z.string().trim().min(1, `the ${name} button needs a title`).max(100).default(fallback);

export const faqConfig = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  tags: z
    .array(z.string().trim().min(1).max(50))
    .max(20)
    .default([])
    .meta({ label: 'Only entries tagged', widget: 'list', help: "Answers from the bot's FAQ entries (edited on its FAQ page) with one of these tags; empty: from all of them." }),
  prompt: z.string().max(4_096).optional().meta({ label: 'Prompt', widget: 'template', placeholder: 'What would you like to know?', help: 'Sent before waiting for the question (optional).' }),
  waitForQuestion: z
    .boolean()
    .default(true)
    .meta({ label: 'Wait for the customer to ask', widget: 'checkbox', help: 'Off: answer the question already saved in a variable.' }),
  questionFrom: z.string().default('question').meta({ label: 'Question variable', widget: 'variable', help: 'Used when not waiting for the customer.' }),
  threshold: confidence('threshold', 0.35).meta({
    label: 'How sure an answer must be',
    widget: 'number',
    help: 'From 0 (anything) to 1 (the same words); 0.35 suits most FAQs. Below it the bot offers "Did you mean…?", or follows No match.',
  }),
  didYouMean: z
    .boolean()
    .default(true)
    .meta({ label: 'Offer "Did you mean…?" when unsure', widget: 'checkbox', help: 'Up to three close questions as buttons, and "None of these" (which follows No match).' }),
  suggestFrom: confidence('suggestion floor', 0.1).meta({
    label: 'Suggest from',
    widget: 'number',
    help: 'How sure a match must be to be offered under "Did you mean…?"; 0.1 suits most FAQs.',
  }),
  didYouMeanText: z.string().trim().min(1).max(1_000).default('Did you mean one of these?').meta({ label: '"Did you mean" message', widget: 'template' }),
  noneTitle: buttonTitle('"None of these"', 'None of these').meta({ label: '"None of these" button' }),
  askHelpful: z
    .boolean()
    .default(true)
    .meta({ label: 'Ask "Was this helpful?"', widget: 'checkbox', help: 'Yes (or carrying on) follows Answered, No follows Not helpful.' }),
  helpfulText: z.string().trim().min(1).max(1_000).default('Was this helpful?').meta({ label: 'Helpful question', widget: 'template' }),
  yesTitle: buttonTitle('"Yes"', 'Yes').meta({ label: '"Yes" button' }),
  noTitle: buttonTitle('"No"', 'No').meta({ label: '"No" button' }),
});

export type FaqConfig = z.output<typeof faqConfig>;

/** What the node remembers while it waits for a pick among suggestions or for feedback on an answer. */
export const faqState = z
  .discriminatedUnion('step', [
    z.object({
      step: z.literal('suggested'),
      question: z.string(),
      suggestions: z.array(z.object({ id: z.string(), score: z.number() })),
    }),
    z.object({ step: z.literal('answered'), question: z.string(), matchId: z.string(), score: z.number() }),
  ])
  .nullable();

export type FaqState = z.output<typeof faqState>;
