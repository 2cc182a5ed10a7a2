import { type CannedResponse, type InboxDetail, agentNoteSchema, agentReplySchema } from '@parley/shared';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { Alert } from '../components/Alert';
import { Attachments, type DraftAttachment } from './Attachments';
import { CannedMenu } from './CannedMenu';
import { cannedFor, matchCanned, typedShortcut } from './canned';
import { TemplatePicker } from './TemplatePicker';
import { useInbox } from './use-inbox';

type Mode = 'reply' | 'note';

/**
 * Where the agent writes: a reply to the customer or an internal note. Enter sends, Shift+Enter
 * starts a new line; "/" and a shortcut offers the canned responses.
 */
export function Composer({ detail }: { detail: InboxDetail }) {
  const allCanned = useInbox((s) => s.canned);
  const busy = useInbox((s) => s.busy);
  const reply = useInbox((s) => s.reply);
  const note = useInbox((s) => s.note);
  const [mode, setMode] = useState<Mode>('reply');
  const [draft, setDraft] = useState('');
  const [files, setFiles] = useState<DraftAttachment[]>([]);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState('');
  const canned = useMemo(() => cannedFor(allCanned, detail.item.teamKey), [allCanned, detail.item.teamKey]);
  const typed = typedShortcut(draft);
  const matches = typed === null ? [] : matchCanned(canned, typed);
  const replyWindow = detail.window;

  function pick(response: CannedResponse) {
    setDraft(response.text);
    setActive(0);
  }

  async function send() {
    setProblem('');
    if (mode === 'note') {
      const parsed = agentNoteSchema.safeParse({ text: draft });
      if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'write the note');
      if (await note(parsed.data.text)) setDraft('');
      return;
    }
    const parsed = agentReplySchema.safeParse({ text: draft, attachments: files.filter((file) => file.url.trim() !== '').map((file) => ({ url: file.url.trim(), name: file.name.trim() })) });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'write a message');
    if (await reply(parsed.data)) {
      setDraft('');
      setFiles([]);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (matches.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const chosen = matches[active] ?? matches[0];
    if (chosen) return pick(chosen);
    if (!busy) void send();
  }

  return (
    <section className={`composer ${mode}`} aria-label="Write">
      <div className="composer-tabs" role="group" aria-label="Write a">
        <button type="button" aria-pressed={mode === 'reply'} onClick={() => setMode('reply')}>
          Reply
        </button>
        <button type="button" aria-pressed={mode === 'note'} onClick={() => setMode('note')}>
          Private note
        </button>
      </div>
      {mode === 'reply' && !replyWindow.open ? (
        <TemplatePicker reason={replyWindow.reason} templates={replyWindow.templates} />
      ) : (
        <>
          {typed !== null && <CannedMenu matches={matches} active={active} onPick={pick} />}
          <textarea
            aria-label={mode === 'note' ? 'Note for agents' : 'Reply to the customer'}
            aria-autocomplete="list"
            aria-controls={matches.length > 0 ? 'canned-menu' : undefined}
            aria-activedescendant={matches[active] ? `canned-${matches[active].id}` : undefined}
            placeholder={mode === 'note' ? 'Only agents see notes' : 'Type a reply, or "/" for a canned response'}
            rows={3}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          {mode === 'reply' && <Attachments files={files} onChange={setFiles} />}
          <div className="composer-actions">
            {mode === 'reply' && canned.length > 0 && (
              <select aria-label="Insert a canned response" value="" onChange={(e) => setDraft(canned.find((c) => c.id === e.target.value)?.text ?? draft)}>
                <option value="">Canned responses…</option>
                {canned.map((response) => (
                  <option key={response.id} value={response.id}>
                    /{response.shortcut}
                  </option>
                ))}
              </select>
            )}
            <Alert>{problem}</Alert>
            <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
              {mode === 'note' ? 'Add note' : 'Send'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
