import type { InboxDetail } from '@parley/shared';
import { useState } from 'react';
import { Alert } from '../components/Alert';
import { AssignDialog } from './AssignDialog';
import { waitingText } from './clock';
import { Composer } from './Composer';
import { ContactPanel } from './ContactPanel';
import { contactName } from './ConversationList';
import { ResolveDialog } from './ResolveDialog';
import { SlaBadge } from './SlaBadge';
import { Transcript } from './Transcript';
import { useInbox } from './use-inbox';

type Me = { id: string; name: string } | null;

function Actions({ detail, me }: { detail: InboxDetail; me: Me }) {
  const busy = useInbox((s) => s.busy);
  const teams = useInbox((s) => s.teams);
  const claim = useInbox((s) => s.claim);
  const assign = useInbox((s) => s.assign);
  const resolve = useInbox((s) => s.resolve);
  const [dialog, setDialog] = useState<'assign' | 'resolve' | null>(null);
  const { item } = detail;
  if (item.status === 'resolved') return null;
  return (
    <div className="actions">
      {(me ? item.assigneeId !== me.id : item.assigneeId === null) && (
        <button type="button" className="primary" disabled={busy} onClick={() => void claim()}>
          Claim
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => setDialog('assign')}>
        Assign or transfer…
      </button>
      <button type="button" disabled={busy} onClick={() => setDialog('resolve')}>
        Resolve…
      </button>
      {dialog === 'assign' && <AssignDialog me={me} teams={teams} teamKey={item.teamKey} onAssign={(to) => void assign(to)} onClose={() => setDialog(null)} />}
      {dialog === 'resolve' && <ResolveDialog resumeNodes={detail.resumeNodes} onResolve={(handBack) => void resolve(handBack)} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** The open conversation: who and how long, the transcript, what the bot knows, and the reply box. */
export function ConversationPane({ me }: { me: Me }) {
  const detail = useInbox((s) => s.detail);
  const detailError = useInbox((s) => s.detailError);
  const actionError = useInbox((s) => s.actionError);
  const now = useInbox((s) => s.now);
  if (detailError) return <Alert>{detailError}</Alert>;
  if (!detail) return <p aria-busy="true">Loading the conversation…</p>;
  const { item } = detail;
  return (
    <div className="conv-pane">
      <header className="conv-head">
        <div>
          <h2>{contactName(item)}</h2>
          <p className="hint">
            {item.botName} · {item.channel} · queue {item.teamKey} · {item.status === 'assigned' ? `with ${item.assigneeName ?? 'an agent'}` : item.status} · {waitingText(item, now)}
          </p>
          {item.sla && item.status !== 'resolved' && (
            <p className="sla-line">
              <SlaBadge label="First response" clock={item.sla.firstResponse} now={now} /> <SlaBadge label="Resolution" clock={item.sla.resolution} now={now} />
            </p>
          )}
        </div>
        <Actions detail={detail} me={me} />
      </header>
      <div className="conv-body">
        <div className="conv-main">
          <Transcript entries={detail.transcript} />
          <Alert>{actionError}</Alert>
          {item.status !== 'resolved' && <Composer key={item.id} detail={detail} />}
        </div>
        <ContactPanel detail={detail} />
      </div>
    </div>
  );
}
