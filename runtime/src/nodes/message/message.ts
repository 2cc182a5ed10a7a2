import { type Reply, defineNodeType, fixedReplies, next } from '@parley/shared';
import { z } from 'zod';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  kind: z.enum(['text', 'image', 'video', 'file']).default('text').meta({ label: 'Kind', widget: 'select' }),
  text: z.string().max(4_096).optional().meta({ label: 'Text', widget: 'template', help: 'For images, videos and files this is the caption. Use {{variable}} to insert answers.' }),
  url: z.string().max(2_000).optional().meta({ label: 'Media URL', widget: 'url', help: 'Link to the image, video or file.' }),
  fileName: z.string().optional().meta({ label: 'File name' }),
  typingMs: z.number().int().min(0).max(10_000).default(0).meta({ label: 'Typing pause (ms)', widget: 'number', help: 'Shows "typing…" for this long before the message.' }),
}).refine((data) => (data.kind === 'text' ? Boolean(data.text) : Boolean(data.url)), {
  message: 'a text message needs its text, and a media message its URL',
  path: ['text'],
});

function reply(data: z.output<typeof config>, render: (template: string) => string): Reply {
  const caption = data.text ? render(data.text) : undefined;
  const url = render(data.url ?? '');
  switch (data.kind) {
    case 'text':
      return { type: 'text', text: caption ?? '' };
    case 'file':
      return { type: 'file', url, name: data.fileName, caption };
    default:
      return { type: data.kind, url, caption };
  }
}

// A message with no {{…}} is the same for everyone: made once per node (see shared/src/fixed-replies.ts).
const message = fixedReplies((data: z.output<typeof config>) => [data.text, data.url], reply);

/** Sends one message — text, image, video or file — and goes on. */
export const messageNode = defineNodeType({
  type: 'message',
  title: 'Message',
  category: 'Messages',
  description: 'Sends a text, image, video or file, then goes on.',
  icon: 'message',
  config,
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data, ctx) => {
    const replies: Reply[] = data.typingMs > 0 ? [{ type: 'typing', ms: data.typingMs }] : [];
    replies.push(message(data, ctx.render));
    return next('next', { replies });
  },
});
