import { faqEntrySchema } from '@parley/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../api/http';
import type { FaqSaved } from './api';
import { type SaveFaq, createFaqStore, saveErrorText } from './faq-store';

afterEach(() => vi.useRealTimers());

const wifi = faqEntrySchema.parse({ id: 'wifi', question: 'Wi-Fi?', answer: { text: 'Free.' } });

/** A server that keeps the table and its revision, refusing a save from an older revision as the API does. */
function fakeServer() {
  const server = { faq: [wifi], revision: 3, calls: 0 };
  const save: SaveFaq = async (faq, revision): Promise<ApiResult<FaqSaved>> => {
    server.calls += 1;
    if (revision !== server.revision) return { ok: false, error: { status: 409, code: 'edited_elsewhere', message: 'changed elsewhere' } };
    server.faq = faq;
    server.revision += 1;
    return { ok: true, value: { revision: server.revision, problems: [] } };
  };
  return { server, save };
}

describe('FAQ store', () => {
  it('saves edits once after a pause, with the draft revision', async () => {
    vi.useFakeTimers();
    const { server, save } = fakeServer();
    const store = createFaqStore(save, 500);
    store.getState().load({ faq: server.faq, revision: 3, problems: [] });
    store.getState().update('wifi', (e) => ({ ...e, answer: { ...e.answer, text: 'Free, "Harbor".' } }));
    const id = store.getState().add({ question: 'Gym?', alternatives: ['gym hours'] });
    expect(store.getState().save.kind).toBe('pending');
    expect(store.getState().focus).toEqual({ id, field: 'answer' });
    await vi.advanceTimersByTimeAsync(600);
    expect(server.calls).toBe(1);
    expect(server.faq.map((e) => e.id)).toEqual(['gym', 'wifi']);
    expect(server.faq[1]?.answer.text).toBe('Free, "Harbor".');
    expect(store.getState()).toMatchObject({ revision: 4, save: { kind: 'saved' } });
  });

  it('flushes at once (before Publish) and reports a conflict when the draft changed elsewhere', async () => {
    const { server, save } = fakeServer();
    const store = createFaqStore(save, 60_000);
    store.getState().load({ faq: server.faq, revision: 3, problems: [] });
    store.getState().remove('wifi');
    expect(await store.getState().flush()).toBe(true);
    expect(server.faq).toEqual([]);

    server.revision = 10;
    store.getState().add();
    expect(await store.getState().flush()).toBe(false);
    expect(store.getState().save.kind).toBe('conflict');
  });
});

describe('a refused save, in the page words', () => {
  it('names the entry by its question and the field by its label', () => {
    const entries = [wifi, faqEntrySchema.parse({ id: 'menu', question: '', answer: { text: 'See it.' } })];
    const error = (field: string) => ({ status: 400, code: 'invalid_input', field, message: `Body field "${field}": the image link starts with http:// or https://` });
    expect(saveErrorText(error('faq.0.answer.imageUrl'), entries)).toBe('"Wi-Fi?", image link: the image link starts with http:// or https://');
    expect(saveErrorText(error('faq.1.answer.buttons.0.url'), entries)).toMatch(/^"menu", buttons: /);
    expect(saveErrorText({ status: 0, code: 'offline', message: 'The server cannot be reached.' }, entries)).toBe('The server cannot be reached.');
  });
});
