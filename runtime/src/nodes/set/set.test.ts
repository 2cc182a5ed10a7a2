import { type Flow, type JsonValue, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';

/** Start → set → "total={{total}}", with these flow variables. */
function setFlow(data: Record<string, unknown>, vars: Record<string, JsonValue> = {}): Flow {
  return testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'calc', type: 'set', data: { variable: 'total', ...data } },
      { id: 'show', type: 'message', data: { text: 'total={{total}}' } },
    ],
    [
      ['start', null, 'calc'],
      ['calc', null, 'show'],
    ],
    { variables: Object.entries(vars).map(([name, value]) => ({ name, default: value })) },
  );
}

function run(data: Record<string, unknown>, vars: Record<string, JsonValue> = {}) {
  const chat = testChat(setFlow(data, vars));
  const replies = texts(chat.say('hi'));
  return { chat, replies, total: chat.vars.total };
}

const problems = (flow: Flow) => validateFlow(flow, builtInCatalog).map((problem) => problem.message);

describe('set node', () => {
  it('stores a literal as text, or typed as the author chose', () => {
    expect(run({ value: '{{not rendered}}' }).total).toBe('{{not rendered}}');
    expect(run({ value: ' 42 ', valueType: 'number' }).total).toBe(42);
    expect(run({ value: 'Yes', valueType: 'boolean' }).total).toBe(true);
    expect(run({ value: '0', valueType: 'boolean' }).total).toBe(false);
    expect(run({ value: '{"plan":"gold","items":[1,2]}', valueType: 'json' }).total).toEqual({ plan: 'gold', items: [1, 2] });
    expect(run({}).total).toBe('');
  });

  it('fills in a template, and can store the result typed', () => {
    const { replies, total } = run({ mode: 'template', value: '{{first}} {{last}}' }, { first: 'Ana', last: 'Lopez' });
    expect(total).toBe('Ana Lopez');
    expect(replies).toEqual(['total=Ana Lopez']);
    expect(run({ mode: 'template', value: '{{price}}', valueType: 'number' }, { price: '12.5' }).total).toBe(12.5);
  });

  it('computes an expression with the conversation variables', () => {
    const { replies, total } = run({ mode: 'expression', value: 'round(price * qty * (1 + vat), 2)' }, { price: 9.99, qty: 3, vat: 0.2 });
    expect(total).toBe(35.96);
    expect(replies).toEqual(['total=35.96']);
    expect(run({ mode: 'expression', value: 'upper(contact.name) + "!"' }, { contact: { name: 'ana' } }).total).toBe('ANA!');
  });

  it('clears the variable when an expression gives null', () => {
    expect(run({ mode: 'expression', value: 'null' }, { total: 5 }).chat.vars).not.toHaveProperty('total');
  });

  it('on a runtime error records set.error, keeps the old value and goes on', () => {
    const { chat, replies, total } = run({ mode: 'expression', value: 'sum / count' }, { sum: 10, count: 0, total: 7 });
    expect(total).toBe(7);
    expect(replies).toEqual(['total=7']);
    expect(chat.last?.events).toContainEqual({
      type: 'set.error',
      nodeId: 'calc',
      data: { variable: 'total', message: 'Division by zero at position 5' },
    });
    const typed = run({ mode: 'template', value: '{{price}}', valueType: 'number' }, { price: 'free' });
    expect(typed.total).toBeUndefined();
    expect(typed.chat.last?.events).toContainEqual({ type: 'set.error', nodeId: 'calc', data: { variable: 'total', message: 'the value "free" is not a number' } });
  });

  it('counts visits around a loop', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'count', type: 'set', data: { variable: 'visits', mode: 'expression', value: 'visits + 1' } },
        { id: 'menu', type: 'buttons', data: { text: 'Visit {{visits}}', buttons: [{ id: 'again', title: 'Again' }] } },
        { id: 'back', type: 'goto', data: { target: { kind: 'node', nodeId: 'count' } } },
      ],
      [
        ['start', null, 'count'],
        ['count', null, 'menu'],
        ['menu', 'again', 'back'],
      ],
    );
    const chat = testChat(flow);
    expect(texts(chat.say('hi'))).toEqual(['Visit 1']);
    expect(texts(chat.tap('again'))).toEqual(['Visit 2']);
    expect(texts(chat.tap('again'))).toEqual(['Visit 3']);
    expect(chat.vars.visits).toBe(3);
    expect(problems(flow)).toEqual([]);
  });

  it('reports a bad expression or literal as a validation problem', () => {
    expect(problems(setFlow({ mode: 'expression', value: '(1 + 2))' }))).toEqual(["Node Set variable (calc): value: Unexpected ')' at position 8."]);
    expect(problems(setFlow({ mode: 'expression', value: 'shout(1)' }))).toEqual([expect.stringMatching(/^Node Set variable \(calc\): value: Unknown function 'shout' at position 1; use one of: /)]);
    expect(problems(setFlow({ mode: 'expression', value: 'x'.repeat(2_001) }))).toEqual(['Node Set variable (calc): value: The expression is longer than 2000 characters at position 2001.']);
    expect(problems(setFlow({ value: 'ten', valueType: 'number' }))).toEqual(['Node Set variable (calc): value: the value "ten" is not a number.']);
    expect(problems(setFlow({ value: '{plan: gold}', valueType: 'json' }))).toEqual([expect.stringMatching(/^Node Set variable \(calc\): value: the value "\{plan: gold\}" is not valid JSON \(.+\)\.$/)]);
    expect(problems(setFlow({ variable: '' }))).toContainEqual(expect.stringContaining('variable: a variable name starts with a letter'));
  });

  it('declares the variable it writes, so later steps may read it', () => {
    expect(problems(setFlow({ value: 'x' }))).toEqual([]);
  });

  it('survives deeply nested JSON without crashing validation', () => {
    const deep = `${'['.repeat(4_000)}${']'.repeat(4_000)}`;
    expect(problems(setFlow({ value: deep, valueType: 'json' }))).toEqual(['Node Set variable (calc): value: the JSON value nests more than 64 levels deep.']);
    const nested = `${'['.repeat(64)}${']'.repeat(64)}`;
    expect(problems(setFlow({ value: nested, valueType: 'json' }))).toEqual([]);
  });
});
