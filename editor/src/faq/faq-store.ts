import type { FaqEntry } from '@parley/shared';
import { createStore } from 'zustand/vanilla';
import type { Problem } from '../api/bots';
import type { ApiError, ApiResult } from '../api/http';
import type { FaqSaved } from './api';
import { newEntry } from './entries';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'conflict' } | { kind: 'error'; message: string };

export interface FaqState {
  entries: FaqEntry[];
  revision: number;
  problems: Problem[];
  save: SaveState;
  /** The entry (and field) to focus once shown: a row added from an unanswered question wants its answer. */
  focus: { id: string; field: 'question' | 'answer' } | null;
  load(view: { faq: FaqEntry[]; revision: number; problems: Problem[] }): void;
  update(id: string, change: (entry: FaqEntry) => FaqEntry): void;
  /** Adds an entry at the top and returns its id. */
  add(init?: { question?: string; alternatives?: string[] }): string;
  remove(id: string): void;
  /** Saves now what is waiting; true once the server has everything. */
  flush(): Promise<boolean>;
}

const FIELD_NAMES: Record<string, string> = { 'answer.text': 'answer', 'answer.imageUrl': 'image link', 'answer.buttons': 'buttons', alternatives: 'other phrasings' };

/** A refused save in the page's words: the entry by its question (or id), the field, what is wrong. */
export function saveErrorText(error: ApiError, entries: readonly FaqEntry[]): string {
  const at = /^faq\.(\d+)\.(.+)$/.exec(error.field ?? '');
  const entry = at ? entries[Number(at[1])] : undefined;
  if (!at || !entry) return error.message;
  // `alternatives.2` → alternatives, `answer.buttons.0.url` → answer.buttons
  const path = (at[2] ?? '').replace(/\.\d+(\..*)?$/, '');
  const said = error.message.replace(/^Body field "[^"]*": /, '');
  return `"${entry.question || entry.id}", ${FIELD_NAMES[path] ?? path}: ${said}`;
}

export type SaveFaq = (faq: FaqEntry[], revision: number) => Promise<ApiResult<FaqSaved>>;

/**
 * The FAQ page's table as the draft has it. Every edit saves itself a moment later (PUT with the draft's
 * revision, like the canvas): a 409 means someone else saved the draft, and the page offers to reload.
 */
export function createFaqStore(saveFaq: SaveFaq, delayMs = 600) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | null = null;
  /** Bumped by every edit, so a save knows whether edits came in while it ran. */
  let edits = 0;

  const store = createStore<FaqState>()((set, get) => {
    const schedule = () => {
      edits += 1;
      if (get().save.kind === 'conflict') return;
      set({ save: { kind: 'pending' } });
      clearTimeout(timer);
      timer = setTimeout(() => void saveNow(), delayMs);
    };

    async function saveNow(): Promise<boolean> {
      clearTimeout(timer);
      if (inFlight) await inFlight;
      const { save, entries, revision } = get();
      if (save.kind === 'saved') return true;
      if (save.kind === 'conflict') return false;
      const sentEdits = edits;
      set({ save: { kind: 'saving' } });
      inFlight = saveFaq(entries, revision).then((saved) => {
        inFlight = null;
        if (!saved.ok) {
          set({ save: saved.error.code === 'edited_elsewhere' ? { kind: 'conflict' } : { kind: 'error', message: saveErrorText(saved.error, entries) } });
          return false;
        }
        const changed = edits !== sentEdits;
        set({ revision: saved.value.revision, problems: saved.value.problems, save: changed ? { kind: 'pending' } : { kind: 'saved' } });
        if (changed) timer = setTimeout(() => void saveNow(), delayMs);
        return !changed;
      });
      return inFlight;
    }

    return {
      entries: [],
      revision: 0,
      problems: [],
      save: { kind: 'saved' },
      focus: null,
      load: ({ faq, revision, problems }) => {
        clearTimeout(timer);
        set({ entries: faq, revision, problems, save: { kind: 'saved' }, focus: null });
      },
      update: (id, change) => {
        set({ entries: get().entries.map((entry) => (entry.id === id ? change(entry) : entry)) });
        schedule();
      },
      add: (init = {}) => {
        const entry = newEntry(new Set(get().entries.map((e) => e.id)), init);
        set({ entries: [entry, ...get().entries], focus: { id: entry.id, field: init.question ? 'answer' : 'question' } });
        schedule();
        return entry.id;
      },
      remove: (id) => {
        set({ entries: get().entries.filter((entry) => entry.id !== id) });
        schedule();
      },
      flush: async () => {
        let ok = await saveNow();
        // Edits made while saving are saved too before the page may say "saved".
        while (!ok && get().save.kind === 'pending') ok = await saveNow();
        return ok;
      },
    };
  });
  return store;
}

export type FaqStore = ReturnType<typeof createFaqStore>;
