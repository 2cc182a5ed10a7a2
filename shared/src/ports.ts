import type { NodeType, Port, PortSpec } from './node-type';
import { valuesAt } from './paths';

/** The output ports of one node, given its (raw) data: fixed ones and one per list item. */
export function portsOf(specs: readonly PortSpec[], data: unknown): Port[] {
  const ports: Port[] = [];
  for (const spec of specs) {
    if ('forEach' in spec) {
      for (const item of valuesAt(data, `${spec.forEach}[]`)) {
        const [id] = valuesAt(item, spec.idKey);
        const [label] = valuesAt(item, spec.labelKey);
        if (typeof id !== 'string' || id === '') continue;
        ports.push({ id, label: typeof label === 'string' && label !== '' ? label : id, required: spec.required ?? false });
      }
    } else ports.push({ id: spec.id, label: spec.label, required: spec.required ?? false });
  }
  return ports;
}

export function nodePorts(nodeType: NodeType, data: unknown): Port[] {
  return portsOf(nodeType.ports, data);
}

/** Whether a node of this type, with this data, may stop a turn to wait for the customer. */
export function waitsForCustomer(nodeType: NodeType, data: unknown): boolean {
  const rule = nodeType.waitsForCustomer;
  if (typeof rule === 'boolean') return rule;
  return valuesAt(data, rule.when)[0] === true;
}
