import { readFileSync } from 'node:fs';
import { type FaqEntry, type FlowNode, isJsonObject, parseFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { type QualityCase, evaluateFaq } from '../../runtime/src/nodes/faq/evaluate';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/** The hotel-concierge bot's FAQ node and FAQ table, as the example ships them. */
function hotelFaq(): { node: FlowNode; table: FaqEntry[] } {
  const parsed = parseFlow(read('../../examples/bots/hotel-concierge/flow.json'));
  if (!parsed.ok) throw new Error('the hotel-concierge flow does not parse');
  const node = parsed.flow.nodes.find((n) => n.type === 'faq');
  if (!node) throw new Error('the hotel-concierge flow has no FAQ node');
  return { node, table: parsed.flow.faq };
}

function questions(): QualityCase[] {
  const set = read('./hotel-questions.json');
  if (!isJsonObject(set) || !Array.isArray(set.questions)) throw new Error('hotel-questions.json has no questions');
  return set.questions.map((q) => {
    if (!isJsonObject(q) || typeof q.question !== 'string' || !(typeof q.expected === 'string' || q.expected === null)) throw new Error(`bad case ${JSON.stringify(q)}`);
    return { question: q.question, expected: q.expected };
  });
}

describe('FAQ matching quality (hotel-concierge)', () => {
  const cases = questions();

  it('has a real quality set: 50+ questions with an entry, some without', () => {
    const ids = new Set(hotelFaq().table.map((e) => e.id));
    expect(cases.filter((c) => c.expected !== null).length).toBeGreaterThanOrEqual(50);
    expect(cases.filter((c) => c.expected === null).length).toBeGreaterThanOrEqual(10);
    for (const c of cases) if (c.expected !== null) expect(ids, c.question).toContain(c.expected);
  });

  it('finds the right entry first for at least 90% of the questions', () => {
    const { node, table } = hotelFaq();
    const report = evaluateFaq(node.data, table, cases);
    const misses = report.results.filter((r) => !r.hit);
    console.log(
      `FAQ top-1 accuracy: ${(report.accuracy * 100).toFixed(1)}% (${cases.length - misses.length}/${cases.length}); ` +
        `answered right ${report.answeredRight}, answered wrong ${report.answeredWrong}, "did you mean" ${report.suggested}\n` +
        misses.map((m) => `  miss: "${m.question}" expected ${m.expected}, got ${m.outcome} ${m.top ?? ''} (${m.score})`).join('\n'),
    );
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    // Offering "Did you mean…?" for everything would game top-1: most answers must come straight away,
    // and a wrong answer given with confidence must stay rare.
    expect(report.answeredRight).toBeGreaterThanOrEqual(0.7 * cases.filter((c) => c.expected !== null).length);
    expect(report.answeredWrong).toBeLessThanOrEqual(0.06 * cases.length);
  });
});
