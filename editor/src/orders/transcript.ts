import { type Inbound, type Reply, inboundSchema, replySchema } from '@parley/shared';
import type { TranscriptMessage } from '../api/orders';

/** One line of a transcript as the panel shows it: what the customer did, a bot reply, or something that happened. */
export type TranscriptLine = { from: 'customer'; text: string } | { from: 'bot'; reply: Reply } | { from: 'system'; text: string };

/** What the customer sent, in words; null for what did not come from the customer. */
function customerText(inbound: Inbound): string | null {
  switch (inbound.kind) {
    case 'text':
      return inbound.text;
    case 'postback':
      return `Tapped “${inbound.title ?? inbound.payload}”`;
    case 'attachment':
      return `Sent ${inbound.attachmentType === 'image' ? 'an image' : `a ${inbound.attachmentType}`}${inbound.name ? `: ${inbound.name}` : ''}`;
    default:
      return null;
  }
}

/** Things that happen to a conversation without the customer typing, in words. */
function systemText(inbound: Inbound): string {
  switch (inbound.kind) {
    case 'payment':
      return `Payment ${inbound.paymentId}: ${inbound.status}`;
    case 'released':
      return `Released back to the bot${inbound.by ? ` by ${inbound.by}` : ''}`;
    case 'timer':
      return 'A timer fired';
    case 'effect':
      return inbound.ok ? 'A step’s request answered' : `A step’s request failed${inbound.error ? `: ${inbound.error}` : ''}`;
    case 'notice':
      return `Notice sent (${inbound.reason.replaceAll('_', ' ')})`;
    default:
      return '';
  }
}

/** The transcript, message by message; a message of an unknown shape still shows, as its JSON. */
export function transcriptLines(messages: readonly TranscriptMessage[]): TranscriptLine[] {
  return messages.flatMap((message): TranscriptLine[] => {
    if (message.direction === 'out') {
      const reply = replySchema.safeParse(message.body);
      if (!reply.success) return [{ from: 'system', text: `Reply: ${JSON.stringify(message.body)}` }];
      // "Typing…" pauses are how the bot paced itself, not what it said.
      return reply.data.type === 'typing' ? [] : [{ from: 'bot', reply: reply.data }];
    }
    const inbound = inboundSchema.safeParse(message.body);
    if (!inbound.success) return [{ from: 'system', text: `Received: ${JSON.stringify(message.body)}` }];
    const text = customerText(inbound.data);
    return text === null ? [{ from: 'system', text: systemText(inbound.data) }] : [{ from: 'customer', text }];
  });
}
