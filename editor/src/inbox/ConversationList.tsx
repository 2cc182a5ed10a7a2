import type { InboxItem } from '@parley/shared';
import { memo } from 'react';
import { waitingText } from './clock';
import { SlaSummary } from './SlaBadge';

export const contactName = (item: Pick<InboxItem, 'contact'>) => item.contact.name ?? item.contact.externalKey;

/** One conversation in the list; memo'd, so a tick or a new item re-renders only what changed. */
const ConversationRow = memo(function ConversationRow({ item, selected, now, onOpen }: { item: InboxItem; selected: boolean; now: number; onOpen(id: string): void }) {
  return (
    <li className={`conv-row priority-${item.priority}`} data-handoff={item.id}>
      <button type="button" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(item.id)}>
        <span className="conv-top">
          <strong className="conv-contact">{contactName(item)}</strong>
          {item.priority !== 'normal' && <span className={`badge priority ${item.priority}`}>{item.priority}</span>}
        </span>
        <span className="conv-meta">
          {item.botName} · {item.channel} · {item.teamKey}
          {item.assigneeName && ` · ${item.assigneeName}`}
        </span>
        <span className="conv-last">{item.lastMessage ?? 'No message yet'}</span>
        {item.summary && <span className="conv-summary">{item.summary}</span>}
        <span className="conv-times">
          <span className="conv-wait">{waitingText(item, now)}</span>
          {item.status !== 'resolved' && <SlaSummary sla={item.sla} now={now} />}
        </span>
      </button>
    </li>
  );
});

export function ConversationList({ items, selectedId, now, onOpen }: { items: readonly InboxItem[]; selectedId: string | null; now: number; onOpen(id: string): void }) {
  if (items.length === 0) return <p className="empty-line">No conversations here.</p>;
  return (
    <ul className="conv-list" aria-label="Conversations">
      {items.map((item) => (
        <ConversationRow key={item.id} item={item} selected={item.id === selectedId} now={now} onOpen={onOpen} />
      ))}
    </ul>
  );
}
