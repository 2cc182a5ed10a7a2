import type { FaqEntry } from '@parley/shared';
import { memo, useEffect, useRef, useState } from 'react';
import { buttonsToText, commasToList, linesToList, textToButtons } from './entries';
import { ListField } from './ListField';

export interface RowActions {
  update(id: string, change: (entry: FaqEntry) => FaqEntry): void;
  remove(id: string): void;
}

const lines = (list: readonly string[]) => list.join('\n');
const commas = (list: readonly string[]) => list.join(', ');

/** One FAQ entry, edited in place; its image and buttons open under it. */
export const FaqRow = memo(function FaqRow({ entry, focus, actions }: { entry: FaqEntry; focus: 'question' | 'answer' | null; actions: RowActions }) {
  const [more, setMore] = useState(entry.answer.buttons.length > 0 || entry.answer.imageUrl !== undefined);
  const question = useRef<HTMLInputElement>(null);
  const answer = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = focus === 'answer' ? answer.current : focus === 'question' ? question.current : null;
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
  }, [focus]);
  const edit = (change: (entry: FaqEntry) => FaqEntry) => actions.update(entry.id, change);
  const editAnswer = (change: Partial<FaqEntry['answer']>) => edit((e) => ({ ...e, answer: { ...e.answer, ...change } }));
  const name = entry.question || entry.id;
  return (
    <>
      <tr data-id={entry.id} className={entry.enabled ? undefined : 'muted'}>
        <td>
          <input ref={question} aria-label={`Question of ${entry.id}`} value={entry.question} placeholder="What customers ask" onChange={(e) => edit((x) => ({ ...x, question: e.target.value }))} />
        </td>
        <td>
          <ListField label={`Other phrasings of ${name}`} value={entry.alternatives} toText={lines} fromText={linesToList} multiline placeholder="One a line" onCommit={(alternatives) => edit((x) => ({ ...x, alternatives }))} />
        </td>
        <td>
          <textarea ref={answer} aria-label={`Answer of ${name}`} value={entry.answer.text} rows={Math.min(8, Math.max(3, Math.ceil(entry.answer.text.length / 45)))} placeholder="The bot's answer" onChange={(e) => editAnswer({ text: e.target.value })} />
        </td>
        <td>
          <ListField label={`Tags of ${name}`} value={entry.tags} toText={commas} fromText={commasToList} placeholder="none" onCommit={(tags) => edit((x) => ({ ...x, tags }))} />
        </td>
        <td>
          <input
            aria-label={`Language of ${name}`}
            className="narrow"
            value={entry.language ?? ''}
            placeholder="any"
            onChange={(e) => {
              const language = e.target.value.trim();
              edit(({ language: _old, ...rest }) => (language ? { ...rest, language } : rest));
            }}
          />
        </td>
        <td>
          <input type="checkbox" aria-label={`${name} enabled`} checked={entry.enabled} onChange={(e) => edit((x) => ({ ...x, enabled: e.target.checked }))} />
        </td>
        <td className="row-actions">
          <button type="button" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? 'Less' : 'Image & buttons'}
          </button>
          <button type="button" className="danger" onClick={() => actions.remove(entry.id)}>
            Delete
          </button>
        </td>
      </tr>
      {more && (
        <tr className="faq-more">
          <td colSpan={7}>
            <label>
              Image link
              <input
                aria-label={`Image of ${name}`}
                value={entry.answer.imageUrl ?? ''}
                placeholder="https://…"
                onChange={(e) => {
                  const imageUrl = e.target.value.trim();
                  edit((x) => {
                    const { imageUrl: _old, ...rest } = x.answer;
                    return { ...x, answer: imageUrl ? { ...rest, imageUrl } : rest };
                  });
                }}
              />
            </label>
            <label>
              Buttons, one a line: <code>Title =&gt; payload</code> or <code>Title =&gt; https://link</code>
              <ButtonsField entry={entry} onCommit={(buttons) => editAnswer({ buttons })} />
            </label>
          </td>
        </tr>
      )}
    </>
  );
});

function ButtonsField({ entry, onCommit }: { entry: FaqEntry; onCommit(buttons: FaqEntry['answer']['buttons']): void }) {
  const [text, setText] = useState(() => buttonsToText(entry.answer.buttons));
  useEffect(() => setText(buttonsToText(entry.answer.buttons)), [entry.answer.buttons]);
  return (
    <textarea
      aria-label={`Buttons of ${entry.question || entry.id}`}
      rows={3}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text !== buttonsToText(entry.answer.buttons)) onCommit(textToButtons(text));
      }}
    />
  );
}
