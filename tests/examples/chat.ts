import { loadExampleBots } from '@parley/examples';
import { createBot, getConversation, importProducts, listConversations, publishBot } from '../../server/src/bots/service';
import { type TestParley, testParley } from '../../server/src/testing';

/** One reply as the web channel returns it; only the fields these tests read. */
export interface WebReply {
  type: string;
  text?: string;
  url?: string;
  caption?: string;
  paymentId?: string;
  amount?: number;
  currency?: string;
  testMode?: boolean;
  queue?: string;
  buttons?: { title: string; payload: string }[];
  cards?: { title: string; subtitle?: string; imageUrl?: string; buttons: { action: string; title: string; payload?: string; url?: string }[] }[];
}

export interface Turn {
  replies: WebReply[];
  ended: boolean;
}

/**
 * Loads one example bot into a real Parley (in memory), published, as start-up seeding does;
 * `products` replaces the example's catalog (a sold-out variant, say); `flow` edits a copy of its flow.
 */
export function loadExample(parley: TestParley, id: string, options: { products?: unknown[]; flow?: (flow: unknown) => unknown } = {}): void {
  const example = loadExampleBots().find((bot) => bot.id === id);
  if (!example) throw new Error(`example ${id} missing`);
  const flow = options.flow ? options.flow(structuredClone(example.flow)) : example.flow;
  const created = createBot(parley.deps, { id: example.id, name: example.name, description: example.description, flow });
  if (!created.ok) throw new Error(created.error.message);
  const products = options.products ?? (example.products as unknown[]);
  if (products.length > 0) {
    const imported = importProducts(parley.deps, id, { contentType: 'application/json', body: JSON.stringify(products) });
    if (!imported.ok) throw new Error(imported.error.message);
  }
  const published = publishBot(parley.deps, id, { note: 'test' });
  if (!published.ok) throw new Error(published.error.message);
}

/** A customer on the web channel of one bot: types, taps, and reads later replies. */
export function customer(parley: TestParley, botId: string, conversationId: string) {
  const send = async (body: Record<string, unknown>): Promise<Turn> => {
    const response = await parley.request('POST', `/webhooks/web/${botId}`, { conversationId, ...body });
    if (response.status !== 200) throw new Error(`POST /webhooks/web/${botId} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Turn;
  };
  return {
    say: (text: string) => send({ text }),
    tap: (payload: string, title?: string) => send(title === undefined ? { payload } : { payload, title }),
    /** Replies sent outside a turn of the customer's (after a payment, a release), oldest first. */
    async later(after = 0): Promise<{ id: number; reply: WebReply }[]> {
      const response = await parley.request('GET', `/webhooks/web/${botId}/conversations/${conversationId}/messages?after=${after}`);
      if (response.status !== 200) throw new Error(`messages answered ${response.status}`);
      return ((await response.json()) as { messages: { id: number; reply: WebReply }[] }).messages;
    },
  };
}

/** The texts of a turn's replies (captions and button questions included), in order. */
export function texts(turn: Turn): string[] {
  return turn.replies.flatMap((reply) => (reply.text !== undefined ? [reply.text] : reply.caption !== undefined ? [reply.caption] : []));
}

export function buttonTitles(turn: Turn): string[] {
  return turn.replies.flatMap((reply) => (reply.buttons ?? []).map((button) => button.title));
}

/** The path of a URL the server handed out (the test server's public URL is http://parley.test). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Parley's own id of a web conversation (the admin API's), from the id the widget gave it. */
export function conversationIdOf(parley: TestParley, botId: string, widgetId: string): string {
  const listed = listConversations(parley.deps, { botId, limit: 200 });
  if (!listed.ok) throw new Error(listed.error.message);
  const found = listed.value.find((conversation) => conversation.channel === 'web' && conversation.externalKey === widgetId);
  if (!found) throw new Error(`no conversation ${widgetId} for ${botId}`);
  return found.id;
}

/** The variables of a conversation's session, as an agent sees them in the inbox. */
export function sessionVars(parley: TestParley, botId: string, widgetId: string): Record<string, unknown> {
  const found = getConversation(parley.deps, conversationIdOf(parley, botId, widgetId));
  if (!found.ok) throw new Error(found.error.message);
  const state = found.value.session?.state as { vars?: Record<string, unknown> } | null | undefined;
  return state?.vars ?? {};
}

/** The hand-offs a conversation asked for, oldest first (queue, status, summary…), as the inbox shows them. */
export function handoffsOf(parley: TestParley, botId: string, widgetId: string) {
  const found = getConversation(parley.deps, conversationIdOf(parley, botId, widgetId));
  if (!found.ok) throw new Error(found.error.message);
  return found.value.handoffs;
}

export { testParley, type TestParley };
