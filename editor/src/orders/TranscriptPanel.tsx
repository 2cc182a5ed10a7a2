import { useEffect, useRef, useState } from 'react';
import { type Conversation, type Order, getConversation } from '../api/orders';
import { Alert } from '../components/Alert';
import { shortId, when } from './format';
import { transcriptLines } from './transcript';
import { TranscriptReply } from './TranscriptReply';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; conversation: Conversation };

/**
 * The conversation that produced an order, beside the orders: the transcript as the customer lived
 * it. Not modal: the orders stay usable; Escape or Close puts it away.
 */
export function TranscriptPanel({ order, onClose }: { order: Order; onClose(): void }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    void getConversation(order.conversationId).then((answer) => {
      if (!current) return;
      setLoaded(answer.ok ? { kind: 'ready', conversation: answer.value } : { kind: 'failed', message: answer.error.status === 404 ? 'This conversation is no longer stored.' : answer.error.message });
    });
    heading.current?.focus();
    return () => {
      current = false;
    };
  }, [order.conversationId]);

  return (
    <aside
      className="drawer"
      aria-labelledby="transcript-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="drawer-head">
        <h2 id="transcript-title" ref={heading} tabIndex={-1}>
          Conversation of order <code>{shortId(order.id)}</code>
        </h2>
        <button type="button" className="icon" aria-label="Close the conversation" onClick={onClose}>
          ×
        </button>
      </header>
      {loaded.kind === 'loading' && <p aria-busy="true">Loading the transcript…</p>}
      {loaded.kind === 'failed' && <Alert>{loaded.message}</Alert>}
      {loaded.kind === 'ready' && (
        <>
          <dl className="facts">
            <div>
              <dt>Channel</dt>
              <dd>{loaded.conversation.conversation.channel}</dd>
            </div>
            <div>
              <dt>Customer</dt>
              <dd>
                <code>{loaded.conversation.conversation.externalKey}</code>
              </dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{when(loaded.conversation.conversation.createdAt)}</dd>
            </div>
            <div>
              <dt>Now</dt>
              <dd>{loaded.conversation.conversation.status === 'handoff' ? 'with a person' : 'with the bot'}</dd>
            </div>
          </dl>
          <ol className="chat-log transcript" aria-label="Transcript">
            {transcriptLines(loaded.conversation.messages).map((line, index) => (
              <li key={index} className={`line ${line.from === 'customer' ? 'you' : line.from}`}>
                {line.from === 'bot' ? <TranscriptReply reply={line.reply} /> : <p>{line.text}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
