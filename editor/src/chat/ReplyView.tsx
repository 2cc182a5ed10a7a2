import type { Reply } from '@parley/shared';
import type { TestMessage } from '../api/test-chat';

/** Every reply kind as a messaging app would show it; buttons answer as a tap would. */
export function ReplyView({ reply, send }: { reply: Reply; send(message: TestMessage, shown: string): void }) {
  switch (reply.type) {
    case 'text':
      return <p className="bubble-text">{reply.text}</p>;
    case 'image':
      return (
        <figure>
          <img src={reply.url} alt={reply.caption ?? 'Image'} loading="lazy" />
          {reply.caption && <figcaption>{reply.caption}</figcaption>}
        </figure>
      );
    case 'video':
      return (
        <figure>
          <video src={reply.url} controls preload="none" />
          {reply.caption && <figcaption>{reply.caption}</figcaption>}
        </figure>
      );
    case 'file':
      return (
        <p>
          📎{' '}
          <a href={reply.url} target="_blank" rel="noreferrer">
            {reply.name ?? 'File'}
          </a>
          {reply.caption && ` — ${reply.caption}`}
        </p>
      );
    case 'buttons':
      return (
        <div>
          <p className="bubble-text">{reply.text}</p>
          <div className="reply-buttons">
            {reply.buttons.map((b) => (
              <button type="button" key={b.payload} onClick={() => send({ kind: 'postback', payload: b.payload, title: b.title }, b.title)}>
                {b.title}
              </button>
            ))}
          </div>
        </div>
      );
    case 'cards':
      return (
        <div className="cards" role="list" aria-label="Cards">
          {reply.cards.map((card, i) => (
            <article key={`${card.title}-${i}`} className="card-item" role="listitem">
              {card.imageUrl && <img src={card.imageUrl} alt="" loading="lazy" />}
              <h4>{card.title}</h4>
              {card.subtitle && <p>{card.subtitle}</p>}
              <div className="card-buttons">
                {card.buttons.map((b, j) =>
                  b.action === 'postback' ? (
                    <button type="button" key={j} onClick={() => send({ kind: 'postback', payload: b.payload, title: b.title }, b.title)}>
                      {b.title}
                    </button>
                  ) : (
                    <a key={j} href={b.url} target="_blank" rel="noreferrer" className="button-link">
                      {b.title}
                    </a>
                  ),
                )}
              </div>
            </article>
          ))}
        </div>
      );
    case 'payment':
      return (
        <div className="payment">
          <p className="bubble-text">{reply.text}</p>
          <p className="pay-link">
            <span className="badge">{reply.testMode ? 'Test payment' : 'Payment'}</span> {reply.amount} {reply.currency}
          </p>
        </div>
      );
    case 'typing':
      return <p className="typing">typing… ({(reply.ms / 1000).toFixed(1)} s)</p>;
    case 'handoff':
      return (
        <p className="handoff-note">
          <strong>Handed to a person{reply.queue ? ` (${reply.queue})` : ''}:</strong> {reply.text}
        </p>
      );
  }
}
