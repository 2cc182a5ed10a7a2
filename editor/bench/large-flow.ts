/** A realistic 1,000-step flow for the editor benchmark: messages, questions with buttons, checks, with their connections. */
export function largeFlow(size: number) {
  const nodes: { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> }[] = [];
  const edges: { id: string; source: string; sourceHandle?: string; target: string }[] = [];
  const columns = Math.ceil(Math.sqrt(size * 1.6));
  const at = (i: number) => ({ x: (i % columns) * 300, y: Math.floor(i / columns) * 200 });
  nodes.push({ id: 'start', type: 'start', position: at(0), data: {} });
  for (let i = 1; i < size; i++) {
    const id = `n${i}`;
    const kind = i % 10;
    if (kind === 3)
      nodes.push({ id, type: 'buttons', position: at(i), data: { text: `Question ${i}: which one?`, saveAs: `answer${i}`, buttons: [{ id: 'a', title: `Option A${i}` }, { id: 'b', title: `Option B${i}` }] } });
    else if (kind === 6)
      nodes.push({ id, type: 'ask', position: at(i), data: { text: `What is your email (${i})?`, variable: `email${i}`, answerType: 'email' } });
    else if (kind === 8)
      nodes.push({ id, type: 'condition', position: at(i), data: { cases: [{ id: 'yes', label: 'Chose A', rules: [{ variable: `answer${i - 5}`, op: 'equals', value: `Option A${i - 5}` }] }] } });
    else nodes.push({ id, type: 'message', position: at(i), data: { text: `Message ${i}: thanks {{contact.id}}, here is step ${i} of the tour.` } });
  }
  const portsOf = (type: string) => (type === 'buttons' ? ['a', 'b'] : type === 'ask' ? ['next'] : type === 'condition' ? ['yes', 'else'] : ['next']);
  for (let i = 0; i + 1 < nodes.length; i++) {
    const source = nodes[i];
    if (!source) continue;
    const ports = portsOf(source.type);
    ports.forEach((port, p) => {
      const target = nodes[Math.min(nodes.length - 1, i + 1 + p * 2)];
      if (target) edges.push({ id: `e${i}-${port}`, source: source.id, sourceHandle: port, target: target.id });
    });
  }
  return { schemaVersion: 1, id: 'bench', name: 'Bench', nodes, edges };
}
