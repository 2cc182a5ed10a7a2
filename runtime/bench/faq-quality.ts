/**
 * FAQ matching: quality and speed. Prints the hotel-concierge FAQ's top-1 accuracy on the quality set
 * (through the real engine, as tests/faq/quality.test.ts checks it) with every miss, then how long
 * matching takes: per question on the hotel FAQ, and on an FAQ of 1,000 entries, with its build time.
 *
 *   npx tsx runtime/bench/faq-quality.ts            (or: pnpm --filter @parley/runtime bench:faq)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type FaqEntry, type FlowNode, isJsonObject, parseFlow } from '@parley/shared';
import { type QualityCase, evaluateFaq } from '../src/nodes/faq/evaluate';
import { analyzerFor } from '../src/nodes/faq/language';
import { type FaqDocument, type FaqIndex, buildFaqIndex, rankQuestion } from '../src/nodes/faq/search';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

function hotelFaq(): { node: FlowNode; table: FaqEntry[] } {
  const parsed = parseFlow(read('../../examples/bots/hotel-concierge/flow.json'));
  if (!parsed.ok) throw new Error('the hotel-concierge flow does not parse');
  const node = parsed.flow.nodes.find((n) => n.type === 'faq');
  if (!node) throw new Error('the hotel-concierge flow has no FAQ node');
  return { node, table: parsed.flow.faq };
}

function qualitySet(): QualityCase[] {
  const set = read('../../tests/faq/hotel-questions.json');
  if (!isJsonObject(set) || !Array.isArray(set.questions)) throw new Error('tests/faq/hotel-questions.json has no questions');
  return set.questions.flatMap((q) => (isJsonObject(q) && typeof q.question === 'string' && (typeof q.expected === 'string' || q.expected === null) ? [{ question: q.question, expected: q.expected }] : []));
}

function documentsOf(faq: { table: readonly FaqEntry[] }): FaqDocument[] {
  return faq.table.filter((e) => e.enabled).map((e) => ({ id: e.id, question: e.question, answer: e.answer.text, alternatives: e.alternatives }));
}

/**
 * A large hotel FAQ: the hotel's own entries plus one entry for each pair of facility and topic
 * ("What are the opening hours of the sauna?"), 1,000 in all. Its words repeat across many entries,
 * which makes the posting lists long: a harder case for speed than 1,000 unrelated entries.
 */
function largeFaq(own: readonly FaqDocument[], size: number): FaqDocument[] {
  const facilities = (
    'sauna steam-room hammam jacuzzi spa gym pool rooftop terrace garden library lounge bar restaurant cafe bakery minibar ' +
    'kitchenette laundry dry-cleaning ironing safe locker kettle coffee-machine hairdryer bathrobe slippers crib high-chair ' +
    'balcony elevator garage bicycle scooter car-rental taxi tram metro museum beach golf tennis yoga massage hairdresser ' +
    'boutique pharmacy concierge reception business-centre meeting-room printer chapel playground kids-club'
  ).split(' ');
  const topics: [question: string, alternative: string, answer: string][] = [
    ['What are the opening hours of the {f}?', 'When is the {f} open?', 'The {f} is open from 7 am to 11 pm every day.'],
    ['How much does the {f} cost?', 'Is the {f} free?', 'The {f} is included in every rate except the basic one.'],
    ['Where is the {f}?', 'How do I find the {f}?', 'The {f} is on the ground floor, next to the lifts.'],
    ['Do I need to book the {f}?', 'Can I reserve the {f}?', 'Ask the front desk to book the {f} for you.'],
    ['Can children use the {f}?', 'Is the {f} suitable for kids?', 'Children are welcome at the {f} with an adult.'],
    ['Is the {f} accessible by wheelchair?', 'Step-free access to the {f}', 'There is step-free access to the {f}.'],
    ['What are the rules of the {f}?', 'Dress code at the {f}', 'Please be considerate of other guests at the {f}.'],
    ['Can I pay for the {f} by card?', 'Payment methods at the {f}', 'The {f} takes cards and charges to your room.'],
    ['Is the {f} open in winter?', 'Seasonal opening of the {f}', 'The {f} is open all year.'],
    ['Are towels provided at the {f}?', 'Do I bring my own towel to the {f}?', 'Towels are waiting for you at the {f}.'],
    ['Is the {f} busy in the morning?', 'Best time to visit the {f}', 'The {f} is quietest in the early afternoon.'],
    ['Who runs the {f}?', 'Staff at the {f}', 'Our own team runs the {f}.'],
    ['Can I bring guests to the {f}?', 'Visitors at the {f}', 'Visitors may join you at the {f} for a small fee.'],
    ['Is there a discount on the {f}?', 'Offers for the {f}', 'Members save 10% on the {f}.'],
    ['Can I use the {f} after check-out?', 'Using the {f} on departure day', 'You can use the {f} until 6 pm on your last day.'],
    ['Is the {f} smoke free?', 'Smoking near the {f}', 'The {f} is non-smoking.'],
    ['Are pets allowed in the {f}?', 'Dogs in the {f}', 'Only guide dogs are allowed in the {f}.'],
    ['How do I get to the {f} from my room?', 'Directions to the {f}', 'Take the lift to level 0 and follow the signs to the {f}.'],
    ['Is the {f} renovated?', 'How new is the {f}?', 'The {f} was renovated last spring.'],
    ['Can I get a receipt for the {f}?', 'Invoice for the {f}', 'The front desk prints receipts for the {f}.'],
  ];
  const documents = [...own];
  for (const f of facilities) {
    const name = f.replace(/-/g, ' ');
    topics.forEach(([question, alternative, answer], t) => {
      if (documents.length >= size) return;
      const fill = (text: string): string => text.replace(/\{f\}/g, name);
      documents.push({ id: `${f}-${t}`, question: fill(question), alternatives: [fill(alternative)], answer: fill(answer) });
    });
  }
  return documents;
}

interface Timing {
  median: number;
  p95: number;
  max: number;
  mean: number;
}

function timeQuestions(index: FaqIndex, questions: readonly string[], rounds: number): Timing {
  for (const q of questions) rankQuestion(index, q); // warm up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const start = performance.now();
      rankQuestion(index, q);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p: number): number => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: samples.at(-1) ?? 0, mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const line = (t: Timing): string => `median ${ms(t.median)}, p95 ${ms(t.p95)}, max ${ms(t.max)}, mean ${ms(t.mean)}`;

const faq = hotelFaq();
const cases = qualitySet();
const report = evaluateFaq(faq.node.data, faq.table, cases);
// Again, warm: two turns for each question (the greeting that reaches the FAQ, then the question).
const started = performance.now();
evaluateFaq(faq.node.data, faq.table, cases);
const engineMs = (performance.now() - started) / cases.length;
const hits = report.results.filter((r) => r.hit).length;
const withEntry = cases.filter((c) => c.expected !== null).length;

console.log(`FAQ quality: hotel-concierge, ${cases.length} questions (${withEntry} with an entry, ${cases.length - withEntry} without)`);
console.log(`  top-1 accuracy      ${(report.accuracy * 100).toFixed(1)}% (${hits}/${cases.length})`);
console.log(`  answered right      ${report.answeredRight}/${withEntry} questions with an entry answered straight away`);
console.log(`  answered wrong      ${report.answeredWrong} (a wrong entry, or an answer where the FAQ has none)`);
console.log(`  "did you mean"      ${report.suggested}`);
console.log('  misses:');
for (const m of report.results.filter((r) => !r.hit)) {
  const got = m.outcome === 'noMatch' ? 'no match' : `${m.outcome === 'answered' ? 'answered' : 'offered first'} ${m.top}`;
  console.log(`    "${m.question}": expected ${m.expected ?? 'no match'}, got ${got} (confidence ${m.score})`);
}

const analyzer = analyzerFor('en');
const questions = cases.map((c) => c.question);
const own = documentsOf(faq);
const hotelIndex = buildFaqIndex(own, analyzer);
console.log(`\nMatching time per question (${questions.length} questions × 50 rounds)`);
console.log(`  hotel FAQ, ${own.length} entries: ${line(timeQuestions(hotelIndex, questions, 50))}`);
console.log(`  through the engine, hotel FAQ: ${ms(engineMs)} a question (a new conversation each: greeting turn + question turn)`);

const large = largeFaq(own, 1_000);
const buildStart = performance.now();
const largeIndex = buildFaqIndex(large, analyzer);
const buildMs = performance.now() - buildStart;
console.log(`  FAQ of ${large.length} entries (built once in ${ms(buildMs)}): ${line(timeQuestions(largeIndex, questions, 20))}`);
