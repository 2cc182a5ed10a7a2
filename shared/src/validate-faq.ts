import { type FaqEntry, duplicateFaqIds, isAnswerable } from './faq';
import type { Flow, FlowNode } from './flow';
import type { NodeType } from './node-type';
import { stringsAt } from './paths';

export interface FaqProblem {
  severity: 'error' | 'warning';
  code: 'faq-duplicate-id' | 'faq-incomplete-entry' | 'faq-no-entries';
  message: string;
  nodeId?: string;
  field?: string;
}

/** The texts an FAQ node may render from the table (answers, button titles and links): templates it reads. */
export function faqTextsFor(table: readonly FaqEntry[], tags: readonly string[]): string[] {
  return table
    .filter((e) => isAnswerable(e) && (tags.length === 0 || tags.some((tag) => e.tags.includes(tag))))
    .flatMap((e) => [e.answer.text, ...(e.answer.imageUrl === undefined ? [] : [e.answer.imageUrl]), ...e.answer.buttons.flatMap((b) => [b.title, b.url ?? ''])]);
}

/**
 * Problems of the FAQ table, and of the nodes that read it: repeated ids, entries without a question or
 * answer (fine in a draft, not live), and FAQ nodes that would find nothing to answer from.
 */
export function validateFaq(flow: Flow, catalog: ReadonlyMap<string, NodeType>, nodeName: (node: FlowNode, type: NodeType) => string): FaqProblem[] {
  const problems: FaqProblem[] = [];
  for (const index of duplicateFaqIds(flow.faq)) {
    const id = flow.faq[index]?.id ?? '';
    problems.push({ severity: 'error', code: 'faq-duplicate-id', field: `faq.${index}.id`, message: `FAQ row ${index + 1}: another entry already has the id "${id}".` });
  }
  flow.faq.forEach((entry, index) => {
    if (!entry.enabled) return;
    if (entry.question === '')
      problems.push({ severity: 'error', code: 'faq-incomplete-entry', field: `faq.${index}.question`, message: `FAQ row ${index + 1} ("${entry.id}") has no question; write one or disable the entry.` });
    if (entry.answer.text === '')
      problems.push({ severity: 'error', code: 'faq-incomplete-entry', field: `faq.${index}.answer.text`, message: `FAQ row ${index + 1} ("${entry.question || entry.id}") has no answer; write one or disable the entry.` });
  });
  for (const node of flow.nodes) {
    const type = catalog.get(node.type);
    if (!type?.readsFaq) continue;
    const tags = stringsAt(node.data, type.readsFaq.tags);
    const usable = flow.faq.some((e) => isAnswerable(e) && (tags.length === 0 || tags.some((tag) => e.tags.includes(tag))));
    if (usable) continue;
    const which = tags.length === 0 ? 'The FAQ has no enabled entry' : `The FAQ has no enabled entry tagged ${tags.map((t) => `"${t}"`).join(' or ')}`;
    problems.push({ severity: 'error', code: 'faq-no-entries', nodeId: node.id, message: `Node ${nodeName(node, type)}: ${which}, so it could never answer. Add entries on the FAQ page.` });
  }
  return problems;
}
