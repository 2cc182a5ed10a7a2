import { defineNodeType, next } from '@parley/shared';
import { z } from 'zod';
import { fold } from '../../text';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  triggers: z
    .array(
      z.object({
        id: z.string().min(1).meta({ label: 'Output id' }),
        label: z.string().min(1).meta({ label: 'Name', help: 'Shown on the output, e.g. "Menu" or "Agent".' }),
        keywords: z.array(z.string().min(1)).min(1).meta({ label: 'Keywords', help: 'Typing one of these, at any time, follows this output. Case and accents are ignored.' }),
      }),
    )
    .default([])
    .meta({ label: 'Keyword triggers', widget: 'list' }),
});

/** Where every conversation begins; keyword triggers jump from anywhere ("menu" restarts, "agent" asks for a person). */
export const startNode = defineNodeType({
  type: 'start',
  title: 'Start',
  category: 'Messages',
  description: 'Where conversations begin. Keywords can restart or redirect a conversation at any time.',
  icon: 'play',
  config,
  ports: [
    { id: 'next', label: 'Start' },
    { forEach: 'triggers', idKey: 'id', labelKey: 'label' },
  ],
  waitsForCustomer: false,
  isStart: true,
  enter: () => next('next'),
  triggers: (data, text) => {
    const typed = fold(text);
    return data.triggers.find((trigger) => trigger.keywords.some((keyword) => fold(keyword) === typed))?.id;
  },
});
