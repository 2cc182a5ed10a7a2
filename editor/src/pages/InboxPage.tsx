import { useCallback, useEffect } from 'react';
import type { AuthView } from '../auth/auth-store';
import { Alert } from '../components/Alert';
import { ConversationList } from '../inbox/ConversationList';
import { ConversationPane } from '../inbox/ConversationPane';
import { InboxSidebar } from '../inbox/InboxSidebar';
import { inboxStore, useInbox } from '../inbox/use-inbox';
import { useLiveInbox } from '../inbox/use-live-inbox';
import { inboxPath, navigate } from '../router';
import '../styles/inbox.css';

/** The agents' inbox: queues and views, the conversations waiting for a person, and the one being answered. */
export function InboxPage({ view, handoffId }: { view: Extract<AuthView, { phase: 'ready' }>; handoffId: string | null }) {
  const list = useInbox((s) => s.list);
  const listError = useInbox((s) => s.listError);
  const now = useInbox((s) => s.now);
  const connected = useLiveInbox(view.method);
  const agentKey = view.user?.id ?? 'token';
  useEffect(() => {
    void inboxStore.getState().begin(agentKey);
  }, [agentKey]);
  useEffect(() => {
    void inboxStore.getState().open(handoffId);
  }, [handoffId]);
  // The tab says how many wait, so an agent working elsewhere sees new ones arrive.
  const waiting = list?.counts.waiting ?? 0;
  useEffect(() => {
    const before = document.title;
    document.title = waiting > 0 ? `(${waiting}) Inbox · Parley` : 'Inbox · Parley';
    return () => {
      document.title = before;
    };
  }, [waiting]);
  const openConversation = useCallback((id: string) => navigate(inboxPath(id)), []);
  const me = view.user ? { id: view.user.id, name: view.user.name } : null;

  return (
    <div className="inbox">
      <InboxSidebar counts={list?.counts ?? null} />
      <section className="inbox-list" aria-labelledby="inbox-title">
        <header className="inbox-list-head">
          <h1 id="inbox-title">Inbox</h1>
          <span className={connected ? 'badge live' : 'badge'} role="status">
            {view.method === 'token' ? 'Refreshed every 15 s' : connected ? 'Live' : 'Reconnecting…'}
          </span>
        </header>
        <Alert>{listError}</Alert>
        {list ? <ConversationList items={list.items} selectedId={handoffId} now={now} onOpen={openConversation} /> : !listError && <p aria-busy="true">Loading…</p>}
      </section>
      <section className="inbox-pane" aria-label="Open conversation">
        {handoffId ? <ConversationPane me={me} /> : <p className="empty-line">Choose a conversation to read and answer it.</p>}
      </section>
    </div>
  );
}
