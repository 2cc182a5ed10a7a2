import { defineNodeType, end } from '@parley/shared';
import { z } from 'zod';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  text: z.string().optional().meta({ label: 'Goodbye message', widget: 'template', help: 'Sent before the conversation ends (optional).' }),
});

/** Ends the conversation; the customer's next message starts a new one at Start. */
export const endNode = defineNodeType({
  type: 'end',
  title: 'End',
  category: 'Logic',
  description: 'Ends the conversation. The next message from the customer starts again at Start.',
  icon: 'square',
  config,
  ports: [],
  waitsForCustomer: false,
  enter: (data, ctx) => end(data.text ? { replies: [{ type: 'text', text: ctx.render(data.text) }] } : {}),
});
