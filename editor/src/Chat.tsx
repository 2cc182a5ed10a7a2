import type { Reply } from '@parley/shared';
import { useState } from 'react';
import { sendMessage } from './api';

interface Line {
  from: 'customer' | 'bot';
  reply: Reply;
}

function ReplyView({ reply, onTap }: { reply: Reply; onTap: (payload: string, title: string) => void }) {
  switch (reply.type) {
    case 'text':
      return <p>{reply.text}</p>;
    case 'image':
      return <figure><img src={reply.url} alt={reply.caption ?? ''} />{reply.caption && <figcaption>{reply.caption}</figcaption>}</figure>;
    case 'video':
      return <video src={reply.url} controls />;
    case 'file':
      return <a href={reply.url}>{reply.name ?? 'Download'}</a>;
    case 'buttons':
      return (
        <div>
          <p>{reply.text}</p>
          {reply.buttons.map((b) => <button type="button" key={b.payload} onClick={() => onTap(b.payload, b.title)}>{b.title}</button>)}
        </div>
      );
    case 'cards':
      return (
        <div className="cards">
          {reply.cards.map((card) => (
            <article key={card.title}>
              {card.imageUrl && <img src={card.imageUrl} alt="" />}
              <h3>{card.title}</h3>
              {card.subtitle && <p>{card.subtitle}</p>}
              {card.buttons.map((b) =>
                b.action === 'postback' ? <button type="button" key={b.title} onClick={() => onTap(b.payload, b.title)}>{b.title}</button> : <a key={b.title} href={b.url} target="_blank" rel="noreferrer">{b.title}</a>,
              )}
            </article>
          ))}
        </div>
      );
    case 'payment':
      return <p>{reply.text} <a href={reply.url} target="_blank" rel="noreferrer">{reply.testMode ? 'Pay (test)' : 'Pay'} {reply.amount} {reply.currency}</a></p>;
    case 'typing':
      return null;
    case 'handoff':
      return <p className="handoff">{reply.text}</p>;
  }
}

export function Chat({ botId }: { botId: string }) {
  const [conversationId] = useState(() => `web-${crypto.randomUUID()}`);
  const [lines, setLines] = useState<Line[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  async function send(body: { text?: string; payload?: string; title?: string }, shown: string) {
    setLines((current) => [...current, { from: 'customer', reply: { type: 'text', text: shown } }]);
    const result = await sendMessage(botId, { conversationId, ...body });
    if (!result.ok) return setError(result.error);
    setError('');
    setLines((current) => [...current, ...result.replies.map((reply): Line => ({ from: 'bot', reply }))]);
  }

  return (
    <section className="chat" aria-label="Test chat">
      <ol>
        {lines.map((line, i) => (
          <li key={i} className={line.from}>
            <ReplyView reply={line.reply} onTap={(payload, title) => void send({ payload, title }, title)} />
          </li>
        ))}
      </ol>
      {error && <p role="alert">{error}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) void send({ text }, text);
          setText('');
        }}
      >
        <input aria-label="Message" value={text} onChange={(e) => setText(e.target.value)} placeholder="Type a message" />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
