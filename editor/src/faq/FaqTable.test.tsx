// @vitest-environment happy-dom
import { type FaqEntry, faqEntrySchema } from '@parley/shared';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useStore } from 'zustand';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnansweredGroup } from './api';
import { filterEntries } from './entries';
import { type FaqStore, createFaqStore } from './faq-store';
import { FaqTable } from './FaqTable';
import { Unanswered } from './Unanswered';

afterEach(cleanup);

const entries = [
  faqEntrySchema.parse({ id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['wifi password'], answer: { text: 'Free.' }, tags: ['rooms'] }),
  faqEntrySchema.parse({ id: 'spa', question: 'Spa hours?', answer: { text: '9 to 8.' }, enabled: false }),
];

/** The table wired to a store whose saves are recorded (and always accepted). */
function setup(query = '') {
  const saves: FaqEntry[][] = [];
  const store = createFaqStore(async (faq, revision) => {
    saves.push(faq);
    return { ok: true, value: { revision: revision + 1, problems: [] } };
  }, 10);
  store.getState().load({ faq: entries, revision: 1, problems: [] });
  function Page({ groups = [] }: { groups?: UnansweredGroup[] }) {
    const list = useStore(store, (s) => s.entries);
    const focus = useStore(store, (s) => s.focus);
    const { update, remove, add } = store.getState();
    return (
      <>
        <Unanswered groups={groups} actions={{ add: (g) => add({ question: g.examples[0] ?? g.key, alternatives: g.examples.slice(1) }), dismiss: () => undefined }} />
        <FaqTable entries={filterEntries(list, query)} focus={focus} actions={{ update, remove }} />
      </>
    );
  }
  return { store, saves, Page };
}

const entryOf = (store: FaqStore, id: string) => store.getState().entries.find((e) => e.id === id);

describe('FAQ table', () => {
  it('edits question, answer, phrasings, tags, language and enabled in place, and saves them', async () => {
    const { store, saves, Page } = setup();
    render(<Page />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Answer of Is there Wi-Fi?'));
    await user.type(screen.getByLabelText('Answer of Is there Wi-Fi?'), 'Free: "Harbor".');
    await user.type(screen.getByLabelText('Other phrasings of Is there Wi-Fi?'), '\ninternet{Enter}');
    await user.clear(screen.getByLabelText('Tags of Is there Wi-Fi?'));
    await user.type(screen.getByLabelText('Tags of Is there Wi-Fi?'), 'rooms, tech');
    await user.type(screen.getByLabelText('Language of Is there Wi-Fi?'), 'en');
    await user.click(screen.getByLabelText('Spa hours? enabled'));
    expect(entryOf(store, 'wifi')).toMatchObject({ answer: { text: 'Free: "Harbor".' }, alternatives: ['wifi password', 'internet'], tags: ['rooms', 'tech'], language: 'en' });
    expect(entryOf(store, 'spa')?.enabled).toBe(true);
    expect(await store.getState().flush()).toBe(true);
    expect(saves.at(-1)?.find((e) => e.id === 'wifi')?.language).toBe('en');
  });

  it('shows only what the search finds, and deletes a row', async () => {
    const { store, Page } = setup('password');
    render(<Page />);
    expect([...document.querySelectorAll('tr[data-id]')].map((row) => row.getAttribute('data-id'))).toEqual(['wifi']);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete' }));
    expect(store.getState().entries.map((e) => e.id)).toEqual(['spa']);
  });

  it('adds an unanswered question as an entry in one click, focused for its answer', async () => {
    const { store, Page } = setup();
    const group: UnansweredGroup = { key: 'do you have a gym', count: 3, lastAskedAt: '2026-03-02T10:00:00Z', examples: ['Do you have a gym?', 'gym??'], closest: null };
    render(<Page groups={[group]} />);
    expect(screen.getByText('asked 3 times')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add as FAQ entry' }));
    expect(store.getState().entries[0]).toMatchObject({ id: 'do-you-have-a-gym', question: 'Do you have a gym?', alternatives: ['gym??'], answer: { text: '' } });
    expect(document.activeElement).toBe(screen.getByLabelText('Answer of Do you have a gym?'));
  });
});
