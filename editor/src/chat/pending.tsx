import type { PendingItem, TestMessage } from '../api/test-chat';

/** What a real channel would bring later (a payment's outcome, an agent's release, a timer), made to happen now. */
export function PendingActions({ items, send, disabled }: { items: readonly PendingItem[]; send(message: TestMessage, shown: string): void; disabled: boolean }) {
  if (items.length === 0) return null;
  return (
    <ul className="pending" aria-label="Waiting for">
      {items.map((item) => {
        if (item.kind === 'payment')
          return (
            <li key={item.paymentId}>
              <span>
                Test payment of {item.amount} {item.currency} is open.
              </span>
              <span className="pending-actions">
                <button type="button" disabled={disabled} onClick={() => send({ kind: 'payment', paymentId: item.paymentId, status: 'paid' }, 'Payment: paid')}>
                  Pay
                </button>
                <button type="button" disabled={disabled} onClick={() => send({ kind: 'payment', paymentId: item.paymentId, status: 'failed' }, 'Payment: failed')}>
                  Decline
                </button>
                <button type="button" disabled={disabled} onClick={() => send({ kind: 'payment', paymentId: item.paymentId, status: 'expired' }, 'Payment: expired')}>
                  Let it expire
                </button>
              </span>
            </li>
          );
        if (item.kind === 'handoff')
          return (
            <li key="handoff">
              <span>A person ({item.queue}) has this conversation; the bot stays quiet.</span>
              <button type="button" disabled={disabled} onClick={() => send({ kind: 'released' }, 'Released to the bot')}>
                Release to the bot
              </button>
            </li>
          );
        return (
          <li key={item.timerId}>
            <span>Timer due {new Date(item.at).toLocaleString()}.</span>
            <button type="button" disabled={disabled} onClick={() => send({ kind: 'timer', timerId: item.timerId }, 'Timer fired')}>
              Fire now
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Engine events worth telling the author, in words; others stay in the data. */
export function eventNote(event: { type: string; nodeId?: string; data?: unknown }): string | undefined {
  const reason = typeof event.data === 'object' && event.data !== null && 'reason' in event.data ? String(event.data.reason) : '';
  const message = typeof event.data === 'object' && event.data !== null && 'message' in event.data ? String(event.data.message) : '';
  if (event.type === 'session.ended') return reason === 'end' || reason === '' ? 'The conversation ended; the next message starts again at Start.' : `The conversation ended (${reason}).`;
  if (event.type === 'node.error') return `Step ${event.nodeId ?? ''} failed: ${message}`;
  if (event.type === 'flow.stopped' || event.type === 'flow.loop_stopped') return `The flow was stopped: ${reason || 'too many steps in one turn'}.`;
  if (event.type === 'flow.switch_failed') return 'The Go to another bot failed: that bot does not exist or is not published.';
  return undefined;
}
