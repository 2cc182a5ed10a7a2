import { type Flow, type JsonValue, nodePorts, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';

type Rule = { variable: string; op: string; value?: string };

/** Start → condition → one message per output, naming the output taken. */
function conditionFlow(cases: { id: string; match?: string; rules: Rule[] }[], vars: Record<string, JsonValue> = {}): Flow {
  const outputs = [...cases.map((c) => c.id), 'else'];
  return testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'check', type: 'condition', data: { cases: cases.map((c) => ({ label: c.id.toUpperCase(), ...c })) } },
      ...outputs.map((id) => ({ id: `say-${id}`, type: 'message', data: { text: id } })),
    ],
    [['start', null, 'check'], ...outputs.map((id): [string, string, string] => ['check', id, `say-${id}`])],
    { variables: Object.entries(vars).map(([name, value]) => ({ name, default: value })) },
  );
}

/** Which output one rule takes with these variables: 'a' when it holds, 'else' when not. */
function outcome(rule: Rule, vars: Record<string, JsonValue>): string | undefined {
  const chat = testChat(conditionFlow([{ id: 'a', rules: [rule] }], vars));
  return texts(chat.say('hi'))[0];
}

describe('condition node', () => {
  it('has one output per case, then "Else"', () => {
    const flow = conditionFlow([{ id: 'a', rules: [{ variable: 'x', op: 'isSet' }] }, { id: 'b', rules: [{ variable: 'x', op: 'isSet' }] }]);
    const node = flow.nodes[1];
    const type = builtInCatalog.get('condition');
    expect(type && node ? nodePorts(type, node.data) : []).toEqual([
      { id: 'a', label: 'A', required: false },
      { id: 'b', label: 'B', required: false },
      { id: 'else', label: 'Else', required: false },
    ]);
  });

  it('compares as numbers when both sides are numbers', () => {
    expect(outcome({ variable: 'age', op: 'greaterOrEqual', value: '18' }, { age: '18' })).toBe('a');
    expect(outcome({ variable: 'age', op: 'greaterThan', value: '10' }, { age: '9' })).toBe('else');
    expect(outcome({ variable: 'total', op: 'lessThan', value: '100.5' }, { total: 99 })).toBe('a');
    expect(outcome({ variable: 'total', op: 'equals', value: '2.0' }, { total: 2 })).toBe('a');
    expect(outcome({ variable: 'total', op: 'lessOrEqual', value: '2' }, { total: 2 })).toBe('a');
  });

  it('compares text ignoring case and accents, and orders it alphabetically', () => {
    expect(outcome({ variable: 'city', op: 'equals', value: 'montreal' }, { city: 'Montréal' })).toBe('a');
    expect(outcome({ variable: 'city', op: 'notEquals', value: 'MONTREAL' }, { city: 'Montréal' })).toBe('else');
    expect(outcome({ variable: 'visit', op: 'greaterThan', value: '2026-01-31' }, { visit: '2026-02-01' })).toBe('a');
    expect(outcome({ variable: 'vip', op: 'equals', value: 'true' }, { vip: true })).toBe('a');
  });

  it('checks whether text or a list contains a value', () => {
    expect(outcome({ variable: 'message', op: 'contains', value: 'REFUND' }, { message: 'I want a refund please' })).toBe('a');
    expect(outcome({ variable: 'tags', op: 'contains', value: 'vip' }, { tags: ['new', 'VIP'] })).toBe('a');
    expect(outcome({ variable: 'tags', op: 'contains', value: 'vi' }, { tags: ['new', 'VIP'] })).toBe('else');
    expect(outcome({ variable: 'tags', op: 'notContains', value: 'vip' }, { tags: ['new'] })).toBe('a');
  });

  it('checks whether a variable is set', () => {
    expect(outcome({ variable: 'email', op: 'isSet' }, {})).toBe('else');
    expect(outcome({ variable: 'email', op: 'isSet' }, { email: '' })).toBe('else');
    expect(outcome({ variable: 'email', op: 'isNotSet' }, { email: [] })).toBe('a');
    expect(outcome({ variable: 'contact.email', op: 'isSet' }, { contact: { email: 'a@b.co' } })).toBe('a');
    // A name Object.prototype happens to have is not a variable.
    expect(outcome({ variable: 'constructor', op: 'isSet' }, {})).toBe('else');
  });

  it('an unset variable is neither greater nor smaller than anything', () => {
    expect(outcome({ variable: 'age', op: 'lessThan', value: '18' }, {})).toBe('else');
    expect(outcome({ variable: 'age', op: 'greaterOrEqual', value: '18' }, {})).toBe('else');
  });

  it('matches regular expressions ignoring case', () => {
    expect(outcome({ variable: 'code', op: 'matches', value: '^promo-\\d{3}$' }, { code: 'PROMO-123' })).toBe('a');
    expect(outcome({ variable: 'code', op: 'matches', value: '^promo-\\d{3}$' }, { code: 'promo-12' })).toBe('else');
  });

  it('renders the value as a template', () => {
    expect(outcome({ variable: 'spent', op: 'greaterThan', value: '{{limit}}' }, { spent: 120, limit: 100 })).toBe('a');
    // A variable that turns the pattern invalid fails the rule instead of the conversation.
    expect(outcome({ variable: 'code', op: 'matches', value: '{{pattern}}' }, { code: 'x', pattern: '(' })).toBe('else');
  });

  it('follows the first case that holds, with "all" and "any"', () => {
    const cases = [
      { id: 'a', rules: [{ variable: 'age', op: 'greaterOrEqual', value: '18' }, { variable: 'country', op: 'equals', value: 'FR' }] },
      { id: 'b', match: 'any', rules: [{ variable: 'age', op: 'greaterOrEqual', value: '18' }, { variable: 'vip', op: 'isSet' }] },
    ];
    const run = (vars: Record<string, JsonValue>) => texts(testChat(conditionFlow(cases, vars)).say('hi'));
    expect(run({ age: 30, country: 'fr' })).toEqual(['a']);
    expect(run({ age: 30, country: 'DE' })).toEqual(['b']);
    expect(run({ age: 12, country: 'FR', vip: 'yes' })).toEqual(['b']);
    expect(run({ age: 12, country: 'FR' })).toEqual(['else']);
  });

  it('reports invalid patterns, duplicate outputs and variables never set', () => {
    const messages = (flow: Flow) => validateFlow(flow, builtInCatalog).map((problem) => problem.message);
    const badPattern = conditionFlow([{ id: 'a', rules: [{ variable: 'code', op: 'matches', value: 'promo-(\\d+' }] }], { code: '' });
    expect(messages(badPattern)).toEqual([
      expect.stringMatching(/^Node Condition \(check\): cases\.0\.rules\.0\.value: this is not a valid regular expression \(.+\)\.$/),
    ]);
    // A {{tag}} inside a pattern is fine.
    expect(messages(conditionFlow([{ id: 'a', rules: [{ variable: 'code', op: 'matches', value: '^{{prefix}}-\\d+$' }] }], { code: '', prefix: 'x' }))).toEqual([]);
    const duplicates = conditionFlow([{ id: 'a', rules: [{ variable: 'x', op: 'isSet' }] }, { id: 'else', rules: [{ variable: 'x', op: 'isSet' }] }], { x: 1 });
    expect(messages(duplicates)).toContain('Node Condition (check): cases.1.id: the output id "else" is already used; give each case its own.');
    const unset = conditionFlow([{ id: 'a', rules: [{ variable: 'age', op: 'isSet' }] }]);
    expect(messages(unset)).toEqual([expect.stringContaining('no step ever sets "age"')]);
  });
});

describe('condition node: variables inside a pattern', () => {
  it('treats them as literal text, so a customer cannot inject regex syntax', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'q', type: 'ask', data: { text: 'Code?', variable: 'code' } },
        { id: 'c', type: 'condition', data: { cases: [{ id: 'same', label: 'Same', match: 'all', rules: [{ variable: 'line', op: 'matches', value: '^{{code}}$' }] }] } },
        { id: 'yes', type: 'message', data: { text: 'same' } },
        { id: 'no', type: 'message', data: { text: 'different' } },
      ],
      [
        ['start', null, 'q'],
        ['q', 'next', 'c'],
        ['c', 'same', 'yes'],
        ['c', 'else', 'no'],
      ],
      { variables: [{ name: 'line', default: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }] },
    );
    const chat = testChat(flow);
    chat.say('hi');
    const started = Date.now();
    expect(texts(chat.say('(a+)+'))).toEqual(['different']);
    expect(Date.now() - started).toBeLessThan(1_000);
    const literal = testChat(flow);
    literal.say('hi');
    expect(texts(literal.say('aaaaaaaaaaaaaaaaaaaaaaaaaaaa!'))).toEqual(['same']);
  });
});
