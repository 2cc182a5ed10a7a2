import { describe, expect, it } from 'vitest';
import { hasErrors, validateFlow } from './validate';
import { catalog, codes, flowOf, only } from './validate.fixtures';

describe('validateFlow', () => {
  it('returns no problem for a valid flow', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { text: 'Hello {{contact.name}}' } },
        { id: 'ask', type: 'ask', data: { text: 'Skin?', saveAs: 'skin', buttons: [{ id: 'dry', title: 'Dry' }] } },
        { id: 'thanks', type: 'say', data: { text: 'Noted: {{skin}}' } },
        { id: 'bye', type: 'end' },
      ],
      [
        ['start', null, 'hi'],
        ['hi', 'next', 'ask'],
        ['ask', 'dry', 'thanks'],
        ['ask', 'fallback', 'bye'],
        ['thanks', null, 'bye'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toEqual([]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('reports every problem at once, each a sentence and each on its node', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'mystery', type: 'teleport' },
        { id: 'hi', type: 'say', data: { text: '' } },
        { id: 'api', type: 'call', data: { url: 'https://x.test' } },
        { id: 'greet', type: 'say', data: { text: 'Hi {{nickname}}' } },
        { id: 'orphan', type: 'say', data: { text: 'Nobody comes here' } },
      ],
      [
        ['start', null, 'hi'],
        ['hi', null, 'api'],
        ['api', 'failed', 'greet'],
        ['greet', null, 'ghost'],
        ['greet', 'sideways', 'start'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(codes(problems)).toEqual(
      [
        'unknown-node-type',
        'invalid-node-data',
        'edge-missing-node',
        'edge-unknown-port',
        'port-not-connected',
        'unreachable-node',
        'unreachable-node',
        'variable-never-set',
      ].sort(),
    );
    for (const problem of problems) {
      expect(problem.nodeId).toBeTypeOf('string');
      expect(problem.message).toMatch(/^[A-Z].*[.!]$/);
      // No raw JSON or internal ids such as separators leak into what a marketer reads.
      expect(problem.message).not.toMatch(/\u0000|\[object|undefined/);
    }
    expect(hasErrors(problems)).toBe(true);
  });

  it('reports an unknown node type by its type name', () => {
    const flow = flowOf([{ id: 'start', type: 'start' }, { id: 'x', type: 'teleport', data: { label: 'Beam me up' } }], [['start', null, 'x']]);
    const [problem, ...rest] = validateFlow(flow, catalog);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', code: 'unknown-node-type', nodeId: 'x' });
    expect(problem?.message).toContain('"Beam me up"');
    expect(problem?.message).toContain('"teleport"');
  });

  it('reports invalid node data with the field named', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { label: 'Welcome', text: 42 } },
      ],
      [['start', null, 'hi']],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'invalid-node-data', nodeId: 'hi', field: 'text' });
    expect(problems[0]?.message).toContain('"Welcome"');
    expect(problems[0]?.message).toContain('text');
  });

  it('reports each invalid field of a node, nested fields by their path', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'set', type: 'set', data: { mappings: [{ variable: 'a', value: 1 }] } },
        { id: 'hi', type: 'say', data: {} },
      ],
      [
        ['start', null, 'set'],
        ['set', null, 'hi'],
      ],
    );
    const problems = only(validateFlow(flow, catalog), 'invalid-node-data');
    expect(problems.map((p) => [p.nodeId, p.field])).toEqual([
      ['set', 'mappings.0.value'],
      ['hi', 'text'],
    ]);
  });

  it('reports a connection to a node that does not exist', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
      ],
      [
        ['start', null, 'hi'],
        ['hi', null, 'gone'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'edge-missing-node', nodeId: 'hi', edgeId: 'e1' });
    expect(problems[0]?.message).toContain('"gone"');
  });

  it('reports a connection from a node that does not exist, by its edge', () => {
    const flow = flowOf([{ id: 'start', type: 'start' }], [['gone', null, 'start']]);
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'edge-missing-node', edgeId: 'e0' });
    expect(problems[0]?.message).toContain('"gone"');
  });

  it('reports a connection from an output the node does not have', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'ask', data: { label: 'Skin question', text: 'Skin?', buttons: [{ id: 'dry', title: 'Dry' }] } },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
      ],
      [
        ['start', null, 'ask'],
        ['ask', 'oily', 'hi'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    const [problem, ...rest] = only(problems, 'edge-unknown-port');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', nodeId: 'ask', edgeId: 'e1' });
    expect(problem?.message).toContain('"Skin question"');
    expect(problem?.message).toContain('"oily"');
    // The engine never follows that connection, so its target is unreachable.
    expect(only(problems, 'unreachable-node').map((p) => p.nodeId)).toEqual(['hi']);
  });

  it('reports a connection from a node that has no outputs at all in words, not an empty name', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'bye', type: 'end' },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
      ],
      [
        ['start', null, 'bye'],
        ['bye', null, 'hi'],
      ],
    );
    const [problem, ...rest] = only(validateFlow(flow, catalog), 'edge-unknown-port');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ nodeId: 'bye', edgeId: 'e1' });
    expect(problem?.message).not.toContain('""');
    expect(problem?.message).toContain('End (bye)');
  });

  it('does not report a loop closed only by a connection from an output that does not exist', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'say', data: { text: 'a' } },
      ],
      [
        ['start', null, 'a'],
        ['a', 'sideways', 'start'],
      ],
    );
    expect(codes(validateFlow(flow, catalog))).toEqual(['edge-unknown-port']);
  });

  it('reports a required output left unconnected, by its label', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'call', data: { url: 'https://x.test' } },
        { id: 'sorry', type: 'say', data: { text: 'Sorry' } },
      ],
      [
        ['start', null, 'api'],
        ['api', 'failed', 'sorry'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'port-not-connected', nodeId: 'api' });
    expect(problems[0]?.message).toContain('"Success"');
    expect(problems[0]?.message).toContain('Call API (api)');
  });

  it('counts a connection with no handle as coming from the first output', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'call', data: { url: 'https://x.test' } },
        { id: 'ok', type: 'say', data: { text: 'OK' } },
      ],
      [
        ['start', null, 'api'],
        ['api', null, 'ok'],
      ],
    );
    expect(validateFlow(flow, catalog)).toEqual([]);
  });

  it('warns about a node no path reaches', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
        { id: 'island', type: 'say', data: { label: 'Lost island', text: 'Never sent' } },
        { id: 'after', type: 'say', data: { text: 'Also never' } },
      ],
      [
        ['start', null, 'hi'],
        ['island', null, 'after'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['unreachable-node', 'warning', 'island'],
      ['unreachable-node', 'warning', 'after'],
    ]);
    expect(problems[0]?.message).toContain('"Lost island"');
    expect(hasErrors(problems)).toBe(false);
  });

  it('counts a go-to link as a path', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'jump', type: 'goto', data: { target: 'far' } },
        { id: 'far', type: 'say', data: { text: 'Far away' } },
      ],
      [['start', null, 'jump']],
    );
    expect(validateFlow(flow, catalog)).toEqual([]);
  });

  it('reports a go-to link to a node that does not exist', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'jump', type: 'goto', data: { target: 'nowhere' } },
      ],
      [['start', null, 'jump']],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'link-missing-node', nodeId: 'jump' });
    expect(problems[0]?.message).toContain('"nowhere"');
  });

  it('reports a flow without a Start node', () => {
    const flow = flowOf([{ id: 'hi', type: 'say', data: { text: 'Hi' } }], []);
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'no-start' });
    expect(problems[0]?.message).toMatch(/no Start node/);
  });

  it('reports every extra Start node', () => {
    const flow = flowOf(
      [
        { id: 's1', type: 'start' },
        { id: 's2', type: 'start' },
        { id: 's3', type: 'start' },
      ],
      [],
    );
    const problems = only(validateFlow(flow, catalog), 'several-starts');
    expect(problems.map((p) => p.nodeId)).toEqual(['s2', 's3']);
    expect(problems[0]?.message).toContain('3 Start nodes');
  });

  it('reports a duplicate node id', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'start', type: 'start' },
      ],
      [],
    );
    expect(only(validateFlow(flow, catalog), 'duplicate-id')).toMatchObject([{ nodeId: 'start' }]);
  });

});
