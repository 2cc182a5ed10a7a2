import { useState } from 'react';
import { z } from 'zod';
import { type Bot, problemSchema, publish } from '../api/bots';
import type { FaqStore } from './faq-store';

/** Saves what is waiting, then publishes the whole draft (flow and FAQ) as the next version. */
export function PublishFaq({ bot, store, onDone, onError }: { bot: Bot; store: FaqStore; onDone(text: string): void; onError(text: string): void }) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    const saved = await store.getState().flush();
    if (!saved) {
      setBusy(false);
      return onError('The FAQ could not be saved, so nothing was published: see the message above the table.');
    }
    const published = await publish(bot.id, 'FAQ edits');
    setBusy(false);
    if (published.ok) return onDone(`Published as version ${published.value.version}: new conversations answer from this FAQ.`);
    const problems = z.array(problemSchema).safeParse(published.error.details);
    const first = problems.success ? problems.data.find((p) => p.severity === 'error') : undefined;
    onError(first ? `${published.error.message} ${first.message}` : published.error.message);
  }
  return (
    <button type="button" className="primary" disabled={busy} aria-busy={busy || undefined} onClick={() => void run()}>
      Publish
    </button>
  );
}
