import type { Reply } from '@parley/shared';

const caption = (text: string | undefined) => (text ? `  ${text}` : '');

/** How a reply reads in a terminal chat: options numbered, so the developer can type "2". */
export function replyForTerminal(reply: Reply): string {
  switch (reply.type) {
    case 'text':
      return reply.text;
    case 'image':
    case 'video':
      return `[${reply.type}] ${reply.url}${caption(reply.caption)}`;
    case 'file':
      return `[file] ${reply.name ?? ''} ${reply.url}${caption(reply.caption)}`;
    case 'buttons':
      return [reply.text, ...reply.buttons.map((b, i) => `  [${i + 1}] ${b.title}`)].join('\n');
    case 'cards':
      return reply.cards
        .map((card, i) => `  (${i + 1}) ${card.title}${card.subtitle ? ` — ${card.subtitle}` : ''}${card.buttons.length ? `  {${card.buttons.map((b) => b.title).join(' | ')}}` : ''}`)
        .join('\n');
    case 'payment':
      return `${reply.text}\n  ${reply.testMode ? '[TEST] ' : ''}${reply.amount} ${reply.currency}: ${reply.url}`;
    case 'typing':
      return '…';
    case 'handoff':
      return `[hand-off${reply.queue ? ` to ${reply.queue}` : ''}] ${reply.text}`;
  }
}
