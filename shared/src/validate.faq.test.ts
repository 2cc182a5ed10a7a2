import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flowSchema } from './flow';
import { defineNodeType, wait } from './node-type';
import type { NodeCatalog } from './validate';
import { validateFlow } from './validate';
import { catalog, flowOf } from './validate.fixtures';

const askFaq = defineNodeType({
  type: 'ask-faq',
  title: 'Ask FAQ',
  category: 'Service',
  description: 'Answers from the FAQ table.',
  config: z.object({ tags: z.array(z.string()).default([]) }),
  ports: [],
  readsFaq: { tags: 'tags[]' },
  waitsForCustomer: true,
  enter: () => wait(null),
});
const withFaq: NodeCatalog = new Map([...catalog, [askFaq.type, askFaq]]);

const entry = (id: string, extra: Record<string, unknown> = {}) => ({ id, question: `${id}?`, answer: { text: `${id}.` }, ...extra });

function problemsWith(faq: unknown[], data: Record<string, unknown> = {}) {
  const flow = flowOf([{ id: 'start', type: 'start' }, { id: 'faq', type: 'ask-faq', data }], [['start', null, 'faq']]);
  return validateFlow(flowSchema.parse({ ...flow, faq }), withFaq).filter((p) => p.code.startsWith('faq-'));
}

describe('validateFlow: the FAQ table', () => {
  it('accepts a table the node can answer from', () => {
    expect(problemsWith([entry('wifi'), entry('spa', { tags: ['spa'] })], { tags: ['spa'] })).toEqual([]);
  });

  it('names a repeated entry id by its row', () => {
    expect(problemsWith([entry('wifi'), entry('pool'), entry('wifi')])).toMatchObject([{ code: 'faq-duplicate-id', field: 'faq.2.id', severity: 'error' }]);
  });

  it('reports enabled entries without question or answer, not disabled ones', () => {
    const problems = problemsWith([entry('wifi'), entry('gym', { question: '' }), entry('pool', { answer: { text: '' } }), entry('bar', { answer: { text: '' }, enabled: false })]);
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['faq-incomplete-entry', 'faq.1.question'],
      ['faq-incomplete-entry', 'faq.2.answer.text'],
    ]);
  });

  it('reports an FAQ node with no enabled entry (for its tags)', () => {
    expect(problemsWith([])).toMatchObject([{ code: 'faq-no-entries', nodeId: 'faq' }]);
    expect(problemsWith([entry('wifi', { enabled: false })])).toMatchObject([{ code: 'faq-no-entries' }]);
    expect(problemsWith([entry('wifi')], { tags: ['spa'] })).toMatchObject([{ code: 'faq-no-entries' }]);
  });
});

describe('validateFlow: templates in FAQ answers', () => {
  it('reports a variable an answer reads that nothing sets, at the FAQ node that renders it', () => {
    const problems = (faq: unknown[], variables: { name: string }[] = []) => {
      const flow = flowOf([{ id: 'start', type: 'start' }, { id: 'faq', type: 'ask-faq' }], [['start', null, 'faq']], variables);
      return validateFlow(flowSchema.parse({ ...flow, faq }), withFaq).filter((p) => p.code === 'variable-never-set');
    };
    const faq = [entry('wifi', { answer: { text: 'Network {{network}}, {{guest | dear guest}}.' } })];
    expect(problems(faq)).toMatchObject([{ nodeId: 'faq', message: expect.stringContaining('{{network}}') }]);
    expect(problems(faq, [{ name: 'network' }])).toEqual([]);
  });
});
