import { describe, expect, it } from 'vitest';
import { FLOW_SCHEMA_VERSION } from './flow';
import { parseFlow } from './migrate';

const nodes = [
  { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
  { id: 'hi', type: 'message', position: { x: 250, y: 0 }, data: { text: 'Hi' } },
];
const edges = [{ id: 'e1', source: 'start', sourceHandle: null, target: 'hi' }];

describe('parseFlow', () => {
  it('parses a current flow as it is', () => {
    const input = {
      schemaVersion: FLOW_SCHEMA_VERSION,
      id: 'welcome',
      name: 'Welcome',
      settings: { locale: 'fr', maxStepsPerTurn: 50, timezone: 'Europe/Paris' },
      variables: [{ name: 'skin', default: 'dry' }],
      nodes,
      edges,
      faq: [{ id: 'wifi', question: 'Wi-Fi?', alternatives: [], answer: { text: 'Free.', buttons: [] }, tags: [], enabled: true }],
    };
    const result = parseFlow(input);
    expect(result).toEqual({ ok: true, flow: input });
  });

  it('fills the defaults a current flow may leave out', () => {
    const result = parseFlow({ schemaVersion: FLOW_SCHEMA_VERSION, id: 'f', name: 'F', nodes });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow.settings).toEqual({ locale: 'en', maxStepsPerTurn: 200, timezone: 'UTC' });
    expect(result.flow.variables).toEqual([]);
    expect(result.flow.edges).toEqual([]);
  });

  it('migrates a version-0 file (no schemaVersion, settings or variables) without changing the input', () => {
    const input = { id: 'old', name: 'Old export', nodes, edges };
    const before = structuredClone(input);
    const result = parseFlow(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow).toEqual({
      schemaVersion: FLOW_SCHEMA_VERSION,
      id: 'old',
      name: 'Old export',
      settings: { locale: 'en', maxStepsPerTurn: 200, timezone: 'UTC' },
      variables: [],
      nodes,
      edges,
      faq: [],
    });
    expect(input).toEqual(before);
  });

  it('keeps the settings and variables a version-0 file already has', () => {
    const result = parseFlow({ schemaVersion: 0, id: 'old', name: 'Old', settings: { locale: 'de' }, variables: [{ name: 'x' }], nodes });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.flow.settings).toEqual({ locale: 'de', maxStepsPerTurn: 200, timezone: 'UTC' });
    expect(result.flow.variables).toEqual([{ name: 'x' }]);
  });

  it('refuses a flow from a newer Parley with a clear message', () => {
    const result = parseFlow({ schemaVersion: FLOW_SCHEMA_VERSION + 1, id: 'new', name: 'New', nodes: [], futureField: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.field).toBe('schemaVersion');
    expect(result.problems[0]?.message).toContain('newer Parley');
    expect(result.problems[0]?.message).toContain(String(FLOW_SCHEMA_VERSION + 1));
  });

  it('refuses a format version it does not know', () => {
    const result = parseFlow({ schemaVersion: -1, id: 'x', name: 'X', nodes: [] });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'schemaVersion' }] });
  });

  it('names each malformed field by its path', () => {
    const result = parseFlow({
      schemaVersion: FLOW_SCHEMA_VERSION,
      id: 'bad',
      name: '',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'hi', type: 'message', position: { x: 'left', y: 0 }, data: {} },
      ],
      edges: [{ id: 'e1', source: 'start' }],
      variables: [{ name: '1st' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((problem) => problem.field).sort();
    expect(fields).toEqual(['edges.0.target', 'name', 'nodes.1.position.x', 'variables.0.name']);
    for (const problem of result.problems) expect(problem.message).not.toBe('');
    expect(result.problems.find((p) => p.field === 'variables.0.name')?.message).toContain('starts with a letter');
  });

  it('refuses what is not a JSON object', () => {
    for (const input of [null, 'flow', 42, [nodes]]) {
      const result = parseFlow(input);
      expect(result).toEqual({ ok: false, problems: [{ field: '', message: 'A flow must be a JSON object.' }] });
    }
  });
});
