import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { listBots, listProducts } from '../api/bots';
import { nodeTitle } from '../flow/summary';
import { knownVariables } from '../flow/variables';
import { useEditor } from '../store/use-editor';
import type { FormContext } from './form-context';

/** Product fields a filter can use, with the values the catalog has for each. */
function productFieldsOf(products: readonly { title: string; sku: string; price: number; stock: number | null; currency: string; attributes: Record<string, string | number | boolean> }[]) {
  const fields = new Map<string, Set<string>>([
    ['title', new Set()],
    ['sku', new Set()],
    ['price', new Set()],
    ['stock', new Set()],
    ['currency', new Set()],
  ]);
  for (const product of products) {
    fields.get('currency')?.add(product.currency);
    for (const [name, value] of Object.entries(product.attributes)) {
      const key = `attributes.${name}`;
      if (!fields.has(key)) fields.set(key, new Set());
      fields.get(key)?.add(String(value));
    }
  }
  return new Map([...fields].map(([key, values]) => [key, [...values].sort()]));
}

/** Bots and products change rarely while editing: read once per opened bot. */
function useBotLists(botId: string | null) {
  const [bots, setBots] = useState<FormContext['bots']>([]);
  const [productFields, setProductFields] = useState<FormContext['productFields']>(new Map());
  useEffect(() => {
    if (!botId) return;
    let live = true;
    void listBots().then((answer) => live && answer.ok && setBots(answer.value.bots.filter((b) => b.id !== botId).map((b) => ({ id: b.id, name: b.name }))));
    void listProducts(botId).then((answer) => live && answer.ok && setProductFields(productFieldsOf(answer.value.products)));
    return () => {
      live = false;
    };
  }, [botId]);
  return { bots, productFields };
}

/** Everything a node's form offers: variables, steps, bots, catalog fields, and this node's problems. */
export function useNodeFormContext(nodeId: string | null): FormContext {
  const botId = useEditor((s) => s.botId);
  const meta = useEditor((s) => s.meta);
  const catalog = useEditor((s) => s.catalog);
  const problems = useEditor((s) => s.problems);
  // Node data only: moving nodes around changes neither variables nor step names.
  const ids = useEditor(useShallow((s) => s.nodes.map((n) => n.id)));
  const datas = useEditor(useShallow((s) => s.nodes.map((n) => n.data)));
  const { bots, productFields } = useBotLists(botId);
  const variables = useMemo(() => {
    const index = nodeId === null ? -1 : ids.indexOf(nodeId);
    return knownVariables(meta, datas, catalog, index >= 0 ? datas[index] : undefined);
  }, [meta, datas, catalog, ids, nodeId]);
  const steps = useMemo(() => ids.map((id, i) => ({ id, title: nodeTitle(catalog.get(datas[i]?.nodeType ?? ''), datas[i]?.config ?? {}, datas[i]?.nodeType ?? '') })), [ids, datas, catalog]);
  const fieldProblems = useMemo(() => {
    const byField = new Map<string, string>();
    for (const problem of problems) {
      if (problem.nodeId !== nodeId || problem.field === undefined || byField.has(problem.field)) continue;
      // "Node "Ask": buttons.0.title: Too small…" → "Too small…": the field says where.
      const marker = `${problem.field}: `;
      const at = problem.message.indexOf(marker);
      byField.set(problem.field, at >= 0 ? problem.message.slice(at + marker.length) : problem.message);
    }
    return byField;
  }, [problems, nodeId]);
  return useMemo(() => ({ variables, nodes: steps, bots, productFields, problems: fieldProblems }), [variables, steps, bots, productFields, fieldProblems]);
}
