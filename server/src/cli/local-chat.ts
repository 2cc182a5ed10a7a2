import type { Effect, Inbound, Product, Reply, Session } from '@parley/shared';
import { type CompiledFlow, type TurnResult, runTurn } from '@parley/runtime';
import { performHttp } from '../effects/http';

/**
 * A flow chatted with in-process, for developers: HTTP nodes really call their URLs; payments and
 * hand-offs have no server here, so the developer settles them with /paid, /failed and /release.
 */
export interface LocalChat {
  send(line: string): Promise<{ replies: Reply[]; notes: string[] }>;
}

export function createLocalChat(flow: CompiledFlow, products: readonly Product[] = []): LocalChat {
  let session: Session | null = null;
  let pendingPayment: string | undefined;

  function commandInbound(line: string): Inbound | string {
    if (line === '/paid' || line === '/failed') {
      if (!pendingPayment) return 'No payment is waiting.';
      return { kind: 'payment', paymentId: pendingPayment, status: line === '/paid' ? 'paid' : 'failed' };
    }
    if (line === '/release') return { kind: 'released', by: 'cli' };
    if (line.startsWith('/tap ')) return { kind: 'postback', payload: line.slice(5).trim() };
    return { kind: 'text', text: line };
  }

  async function settle(effect: Effect, notes: string[]): Promise<Inbound | undefined> {
    switch (effect.kind) {
      case 'http':
        notes.push(`${effect.method} ${effect.url}`);
        return performHttp(effect, fetch);
      case 'payment':
        pendingPayment = `local-${effect.id}`;
        notes.push(`payment of ${effect.amount} ${effect.currency} created: type /paid or /failed`);
        return { kind: 'effect', effectId: effect.id, ok: true, result: { paymentId: pendingPayment, url: `local://checkout/${pendingPayment}`, testMode: true } };
      case 'handoff':
        notes.push(`handed to queue "${effect.queue}": type /release to hand back to the bot`);
        return { kind: 'effect', effectId: effect.id, ok: true, result: { accepted: true, queue: effect.queue } };
      case 'timer':
        notes.push(`timer set for ${effect.at} (not fired in the terminal)`);
        return undefined;
    }
  }

  return {
    async send(line) {
      const notes: string[] = [];
      const inbound = commandInbound(line);
      if (typeof inbound === 'string') return { replies: [], notes: [inbound] };
      const replies: Reply[] = [];
      const env = { now: new Date(), products, system: { channel: 'cli', contact: { id: 'cli' }, parley: { publicUrl: 'local:' } } };
      const absorb = (turn: TurnResult) => {
        replies.push(...turn.replies);
        for (const event of turn.events) notes.push(`event ${event.type}${event.nodeId ? ` at ${event.nodeId}` : ''}`);
        return turn;
      };
      let result = absorb(runTurn(flow, session, inbound, env));
      for (let round = 0; round < 20; round++) {
        const outcomes: Inbound[] = [];
        for (const effect of result.effects) {
          const outcome = await settle(effect, notes);
          if (outcome) outcomes.push(outcome);
        }
        if (outcomes.length === 0) break;
        for (const outcome of outcomes) result = absorb(runTurn(flow, result.session, outcome, env));
      }
      session = result.session;
      return { replies, notes };
    },
  };
}
