import type { TranscriptEntry } from '@parley/shared';
import { memo, useEffect, useRef } from 'react';
import { TranscriptReply } from '../orders/TranscriptReply';

const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function Entry({ entry }: { entry: TranscriptEntry }) {
  switch (entry.from) {
    case 'customer':
      return <p>{entry.text}</p>;
    case 'bot':
      return <TranscriptReply reply={entry.reply} />;
    case 'agent':
      return (
        <>
          <span className="line-who">{entry.agentName}</span>
          {entry.text && <p>{entry.text}</p>}
          {entry.attachments.length > 0 && (
            <ul className="attachments" aria-label="Attachments">
              {entry.attachments.map((file) => (
                <li key={file.url}>
                  <a href={file.url} target="_blank" rel="noreferrer">
                    {file.name || file.url}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {entry.delivery !== 'sent' && <span className={`delivery ${entry.delivery}`}>{entry.delivery === 'pending' ? 'sending…' : `not delivered${entry.error ? `: ${entry.error}` : ''}`}</span>}
        </>
      );
    case 'note':
      return (
        <>
          <span className="line-who">Note by {entry.agentName} (only agents see it)</span>
          <p>{entry.text}</p>
        </>
      );
    case 'system':
      return <p>{entry.text}</p>;
  }
}

const LINE_CLASS: Record<TranscriptEntry['from'], string> = { customer: 'customer', bot: 'bot', agent: 'agent', note: 'note', system: 'system' };

const Line = memo(function Line({ entry }: { entry: TranscriptEntry }) {
  // "Typing…" pauses are how the bot paced itself, not what it said.
  if (entry.from === 'bot' && entry.reply.type === 'typing') return null;
  return (
    <li className={`line ${LINE_CLASS[entry.from]}`} data-from={entry.from}>
      <Entry entry={entry} />
      <time dateTime={entry.at}>{time(entry.at)}</time>
    </li>
  );
});

/** The whole conversation, bot and people, newest at the bottom and kept in view as lines arrive. */
export function Transcript({ entries }: { entries: readonly TranscriptEntry[] }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [entries.length]);
  return (
    <ol className="chat-log inbox-log" aria-label="Conversation">
      {entries.map((entry, index) => (
        <Line key={`${entry.at}-${index}`} entry={entry} />
      ))}
      <li ref={end} aria-hidden="true" className="log-end" />
    </ol>
  );
}
