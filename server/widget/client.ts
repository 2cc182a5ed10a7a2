import type { Reply } from '@parley/shared';

export interface OutgoingMessage {
  text?: string;
  payload?: string;
  title?: string;
}

export interface LiveMessage {
  id: number;
  replies: Reply[];
}

/** One turn of the transcript as the messages endpoint gives it back. */
export interface PastTurn {
  id: number;
  sent: string | undefined;
  replies: Reply[];
}

export type Sent = { ok: true; replies: Reply[] } | { ok: false; error: string };

/** The web channel's public routes, called without cookies from the host page. */
export function webClient(server: string, botId: string) {
  const base = `${server}/webhooks/web/${encodeURIComponent(botId)}`;
  const conversationUrl = (conversationId: string) => `${base}/conversations/${encodeURIComponent(conversationId)}`;
  return {
    async send(conversationId: string, message: OutgoingMessage, messageId: string): Promise<Sent> {
      try {
        const response = await fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ conversationId, messageId, ...message }),
          credentials: 'omit',
        });
        const body: { replies?: Reply[]; error?: { message?: string } } = await response.json();
        if (!response.ok) return { ok: false, error: body.error?.message ?? `The chat answered ${response.status}.` };
        return { ok: true, replies: body.replies ?? [] };
      } catch {
        return { ok: false, error: 'No connection to the chat.' };
      }
    },

    /** The whole transcript, oldest first (paged by turn id); empty for a conversation the server does not know. */
    async history(conversationId: string): Promise<PastTurn[]> {
      const turns = new Map<number, PastTurn>();
      let after = 0;
      for (let page = 0; page < 50; page++) {
        const response = await fetch(`${conversationUrl(conversationId)}/messages?after=${after}`, { credentials: 'omit' });
        if (!response.ok) break;
        const body: { messages: { id: number; reply: Reply }[]; sent?: { id: number; text: string }[] } = await response.json();
        const turnOf = (id: number) => turns.get(id) ?? turns.set(id, { id, sent: undefined, replies: [] }).get(id);
        for (const item of body.sent ?? []) {
          const turn = turnOf(item.id);
          if (turn) turn.sent = item.text;
        }
        for (const item of body.messages) turnOf(item.id)?.replies.push(item.reply);
        const ids = [...body.messages.map((m) => m.id), ...(body.sent ?? []).map((s) => s.id)];
        if (ids.length === 0) break;
        after = Math.max(...ids);
      }
      return [...turns.values()].sort((a, b) => a.id - b.id);
    },

    /** Replies that come later (payments, people, notices), resuming after `after`; the browser reconnects by itself. */
    live(conversationId: string, after: number, onMessage: (message: LiveMessage) => void): EventSource {
      const source = new EventSource(`${conversationUrl(conversationId)}/events?after=${after}`);
      source.addEventListener('message', (event) => {
        try {
          const message: LiveMessage = JSON.parse(event.data);
          onMessage(message);
        } catch {}
      });
      return source;
    },
  };
}
