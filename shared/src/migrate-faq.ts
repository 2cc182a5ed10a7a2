import { isJsonObject } from './json';

/**
 * Format 1 → 2: FAQ nodes kept their own `entries`; now the bot has one FAQ table (`faq`). Each node
 * keeps answering what it answered: with one FAQ node it reads the whole table; with several, each
 * node's entries are tagged with the node's id and the node filters on that tag.
 */
export function moveFaqEntriesToTable(flow: Record<string, unknown>): Record<string, unknown> {
  // A file without a node list is left for parsing to report.
  if (!Array.isArray(flow.nodes)) return { ...flow, schemaVersion: 2 };
  const nodes: unknown[] = flow.nodes;
  const faqNodes = nodes.filter((node) => isJsonObject(node) && node.type === 'faq' && isJsonObject(node.data));
  const table: unknown[] = [];
  const ids = new Set<string>();
  const migratedNodes = nodes.map((node) => {
    if (!isJsonObject(node) || node.type !== 'faq' || !isJsonObject(node.data)) return node;
    const { entries, ...data } = node.data;
    const nodeId = typeof node.id === 'string' ? node.id : `faq-${faqNodes.indexOf(node) + 1}`;
    const tag = faqNodes.length > 1 ? nodeId.slice(0, 50) : undefined;
    for (const entry of Array.isArray(entries) ? entries : []) {
      const row = tableRow(entry, tag, nodeId, table.length + 1);
      // Entry ids were unique per node; in one table a repeated id is made unique with the node's id.
      while (ids.has(row.id)) row.id = `${nodeId}.${row.id}`;
      ids.add(row.id);
      table.push(row);
    }
    return { ...node, data: tag === undefined ? data : { ...data, tags: [tag] } };
  });
  return { ...flow, schemaVersion: 2, nodes: migratedNodes, faq: table };
}

function tableRow(entry: unknown, tag: string | undefined, nodeId: string, position: number): { id: string; [key: string]: unknown } {
  const old = isJsonObject(entry) ? entry : {};
  const id = typeof old.id === 'string' && old.id.trim() !== '' ? old.id : `${nodeId}-${position}`;
  const alternatives = Array.isArray(old.alternatives) ? old.alternatives.filter((a) => typeof a === 'string' && a.trim() !== '') : [];
  return {
    id,
    question: typeof old.question === 'string' ? old.question : '',
    alternatives,
    answer: { text: typeof old.answer === 'string' ? old.answer : '' },
    tags: tag === undefined ? [] : [tag],
    enabled: old.enabled !== false,
  };
}
