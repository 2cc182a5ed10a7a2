import type { Reply } from '@parley/shared';

/** A bot reply as the customer saw it, read-only: buttons are shown, not pressed. */
export function TranscriptReply({ reply }: { reply: Reply }) {
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
    case 'file':
      return (
        <p>
          <a href={reply.url} target="_blank" rel="noreferrer">
            {reply.type === 'file' ? (reply.name ?? 'File') : 'Video'}
          </a>
          {reply.caption && ` — ${reply.caption}`}
        </p>
      );
    case 'buttons':
      return (
        <div>
          <p className="bubble-text">{reply.text}</p>
          <ul className="reply-chips" aria-label="Buttons">
            {reply.buttons.map((button) => (
              <li key={button.payload}>{button.title}</li>
            ))}
          </ul>
        </div>
      );
    case 'cards':
      return (
        <ul className="transcript-cards" aria-label="Cards">
          {reply.cards.map((card, index) => (
            <li key={index}>
              <strong>{card.title}</strong>
              {card.subtitle && <span className="hint"> {card.subtitle}</span>}
              {card.buttons.length > 0 && <span className="hint"> · {card.buttons.map((b) => b.title).join(' · ')}</span>}
            </li>
          ))}
        </ul>
      );
    case 'payment':
      return (
        <div className="payment">
          <p className="bubble-text">{reply.text}</p>
          <p className="pay-link">
            <span className="badge">{reply.testMode ? 'Test payment' : 'Payment'}</span> {reply.amount} {reply.currency} · <code>{reply.paymentId}</code>
          </p>
        </div>
      );
    case 'handoff':
      return (
        <p className="handoff-note">
          <strong>Handed to a person{reply.queue ? ` (${reply.queue})` : ''}:</strong> {reply.text}
        </p>
      );
    case 'typing':
      return null;
  }
}
