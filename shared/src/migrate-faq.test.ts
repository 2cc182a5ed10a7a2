import { describe, expect, it } from 'vitest';
import { parseFlow } from './migrate';

const start = { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} };
const faqNode = (id: string, entries: unknown[]) => ({ id, type: 'faq', position: { x: 250, y: 0 }, data: { label: id, threshold: 0.4, entries } });
const v1 = (nodes: unknown[]) => ({ schemaVersion: 1, id: 'hotel', name: 'Hotel', nodes: [start, ...nodes] });

describe('format 1 → 2: FAQ entries move to the table', () => {
  it('one FAQ node: its entries become the table, the node reads all of it', () => {
    const entries = [
      { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['wifi password', ''], answer: 'Free, "Harbor".' },
      { id: 'spa', question: 'Spa?', answer: 'Closed.', enabled: false },
    ];
    const input = v1([faqNode('faq', entries)]);
    const before = structuredClone(input);
    const result = parseFlow(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow.schemaVersion).toBe(2);
    expect(result.flow.faq).toEqual([
      { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['wifi password'], answer: { text: 'Free, "Harbor".', buttons: [] }, tags: [], enabled: true },
      { id: 'spa', question: 'Spa?', alternatives: [], answer: { text: 'Closed.', buttons: [] }, tags: [], enabled: false },
    ]);
    expect(result.flow.nodes[1]?.data).toEqual({ label: 'faq', threshold: 0.4 });
    expect(input).toEqual(before);
  });

  it('several FAQ nodes: each keeps its own entries through a tag, and repeated ids are made unique', () => {
    const result = parseFlow(
      v1([
        faqNode('rooms', [{ id: 'hours', question: 'Check-in?', answer: 'From 3 pm.' }]),
        faqNode('spa', [{ id: 'hours', question: 'Spa hours?', answer: '9 to 8.' }]),
      ]),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow.faq.map((e) => [e.id, e.tags])).toEqual([
      ['hours', ['rooms']],
      ['spa.hours', ['spa']],
    ]);
    expect(result.flow.nodes.slice(1).map((n) => n.data.tags)).toEqual([['rooms'], ['spa']]);
  });

  it('keeps an unfinished entry (empty answer) as a draft would, and gives an entry without id one', () => {
    const result = parseFlow(v1([faqNode('faq', [{ question: 'Gym?', answer: '' }])]));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow.faq).toMatchObject([{ id: 'faq-1', question: 'Gym?', answer: { text: '' } }]);
  });

  it('a version-0 file goes through both steps', () => {
    const result = parseFlow({ id: 'old', name: 'Old', nodes: [start, faqNode('faq', [{ id: 'a', question: 'Q?', answer: 'A.' }])] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow.faq).toHaveLength(1);
  });
});
