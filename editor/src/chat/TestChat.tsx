import type { Reply } from '@parley/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Bot } from '../api/bots';
import { type PendingItem, type TestMessage, restartTestChat, sendTestMessage } from '../api/test-chat';
import { Alert } from '../components/Alert';
import { editorStore } from '../store/use-editor';
import { PendingActions, eventNote } from './pending';
import { ReplyView } from './ReplyView';

type Line = { id: number; from: 'you' } & { text: string } | { id: number; from: 'bot'; reply: Reply } | { id: number; from: 'system'; text: string };

const newChatId = () => `t-${Math.random().toString(36).slice(2, 10)}`;
let lineIds = 0;

/**
 * Chats with the flow on screen (saved or not) through the real engine on the server: every reply
 * kind, the step it waits at and the path it took marked on the canvas, its variables live.
 */
export function TestChat({ bot }: { bot: Bot }) {
  const [chatId, setChatId] = useState(newChatId);
  const [lines, setLines] = useState<Line[]>([]);
  const [pending, setPending] = useState<PendingItem[]>([]);
  const [vars, setVars] = useState<Record<string, unknown>>({});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const path = useRef<string[]>([]);
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [lines]);
  useEffect(() => () => editorStore.getState().clearRun(), []);

  async function send(message: TestMessage, shown: string) {
    setBusy(true);
    setError('');
    setLines((old) => [...old, message.kind === 'text' || message.kind === 'postback' ? { id: ++lineIds, from: 'you', text: shown } : { id: ++lineIds, from: 'system', text: shown }]);
    const answer = await sendTestMessage(bot.id, chatId, editorStore.getState().flow(), message);
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    const turn = answer.value;
    const notes = turn.events.map(eventNote).filter((note): note is string => note !== undefined);
    setLines((old) => [...old, ...turn.replies.map((reply): Line => ({ id: ++lineIds, from: 'bot', reply })), ...notes.map((note): Line => ({ id: ++lineIds, from: 'system', text: note }))]);
    setPending(turn.pending);
    setVars(turn.session?.vars ?? {});
    if (turn.onDraft) {
      const walked = [...path.current];
      for (const id of turn.path) if (walked[walked.length - 1] !== id) walked.push(id);
      const ended = turn.session?.status !== 'active';
      path.current = ended ? [] : walked;
      editorStore.getState().setRun(walked, ended ? null : (turn.session?.waitingAt ?? null));
    } else editorStore.getState().clearRun();
  }

  async function restart() {
    await restartTestChat(bot.id, chatId);
    setChatId(newChatId());
    setLines([]);
    setPending([]);
    setVars({});
    setError('');
    path.current = [];
    editorStore.getState().clearRun();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = text.trim();
    if (!typed || busy) return;
    setText('');
    void send({ kind: 'text', text: typed }, typed);
  }

  return (
    <section className="test-chat" aria-label="Test chat">
      <header className="chat-head">
        <p className="hint">Runs the flow on screen, saved or not. Nothing is published or stored.</p>
        <button type="button" onClick={() => void restart()}>
          Restart
        </button>
      </header>
      <ol className="chat-log" ref={log} aria-live="polite" aria-label="Conversation">
        {lines.length === 0 && <li className="empty-line">Say hello to start the conversation at Start.</li>}
        {lines.map((line) => (
          <li key={line.id} className={`line ${line.from}`}>
            {line.from === 'bot' ? <ReplyView reply={line.reply} send={(m, shown) => void send(m, shown)} /> : <p>{line.text}</p>}
          </li>
        ))}
      </ol>
      <PendingActions items={pending} send={(m, shown) => void send(m, shown)} disabled={busy} />
      <Alert>{error}</Alert>
      <form className="chat-input" onSubmit={submit}>
        <input aria-label="Message" value={text} onChange={(e) => setText(e.target.value)} placeholder="Type as the customer…" autoComplete="off" />
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          Send
        </button>
      </form>
      <details className="vars" open>
        <summary>Variables ({Object.keys(vars).length})</summary>
        {Object.keys(vars).length === 0 ? (
          <p className="hint">None yet.</p>
        ) : (
          <dl>
            {Object.entries(vars).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>
                  <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </details>
    </section>
  );
}
