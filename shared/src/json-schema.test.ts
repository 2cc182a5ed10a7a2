import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeNodeType, flowJsonSchema } from './json-schema';
import { defineNodeType, next, wait } from './node-type';

const greet = defineNodeType({
  type: 'greet',
  title: 'Greet',
  category: 'Messages',
  description: 'Says hello.',
  icon: 'hand',
  config: z.object({
    text: z.string().min(1).meta({ label: 'Greeting', help: 'What the bot says first.', widget: 'template' }),
    delayMs: z.number().int().default(0).meta({ label: 'Delay', widget: 'number' }),
  }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: () => next('next'),
});

const pick = defineNodeType({
  type: 'pick',
  title: 'Pick one',
  category: 'Questions',
  description: 'Asks the customer to pick.',
  config: z.object({
    options: z.array(z.object({ id: z.string(), title: z.string() })).meta({ label: 'Options', widget: 'list' }),
    saveAs: z.string().optional().meta({ label: 'Save in', widget: 'variable', help: 'The variable that keeps the choice.' }),
  }),
  ports: [
    { forEach: 'options', idKey: 'id', labelKey: 'title' },
    { id: 'other', label: 'Other', required: true },
  ],
  variables: { writes: ['saveAs'] },
  waitsForCustomer: true,
  enter: () => wait(null),
});

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; oneOf?: Schema[]; anyOf?: Schema[] };

describe('flowJsonSchema', () => {
  const schema = flowJsonSchema([greet, pick]) as Schema;

  it('describes the whole flow, with one node shape per type', () => {
    expect(schema.title).toBe('Parley flow');
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'name', 'settings', 'variables', 'nodes', 'edges', 'faq']));
    const entry = schema.properties?.faq?.items;
    expect(Object.keys(entry?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'question', 'alternatives', 'answer', 'tags', 'language', 'enabled']));
    expect(Object.keys(entry?.properties?.answer?.properties ?? {})).toEqual(['text', 'buttons', 'imageUrl']);
    const items = schema.properties?.nodes?.items;
    const variants = items?.oneOf ?? items?.anyOf;
    expect(variants).toHaveLength(2);
    expect(variants?.map((v) => v.properties?.type)).toEqual([
      { type: 'string', const: 'greet' },
      { type: 'string', const: 'pick' },
    ]);
    expect(variants?.map((v) => v.title)).toEqual(['Greet', 'Pick one']);
  });

  it('carries the form hints into each config property', () => {
    const items = schema.properties?.nodes?.items;
    const [greetNode, pickNode] = items?.oneOf ?? items?.anyOf ?? [];
    const greetData = greetNode?.properties?.data?.properties;
    expect(greetData?.text).toMatchObject({ type: 'string', label: 'Greeting', help: 'What the bot says first.', widget: 'template' });
    expect(greetData?.delayMs).toMatchObject({ label: 'Delay', widget: 'number', default: 0 });
    const pickData = pickNode?.properties?.data;
    expect(pickData?.properties?.saveAs).toMatchObject({ label: 'Save in', widget: 'variable', help: 'The variable that keeps the choice.' });
    expect(pickData?.properties?.options).toMatchObject({ type: 'array', label: 'Options', widget: 'list' });
    // Input shape: a field with a default may be left out.
    expect(greetNode?.properties?.data?.required).toEqual(['text']);
    expect(pickData?.required).toEqual(['options']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('works with a single node type and with none', () => {
    const one = flowJsonSchema([greet]) as Schema;
    expect(one.properties?.nodes?.items?.properties?.type).toEqual({ type: 'string', const: 'greet' });
    const none = flowJsonSchema([]) as Schema;
    expect(none.properties?.nodes?.items?.properties?.type).toMatchObject({ type: 'string' });
  });
});

describe('describeNodeType', () => {
  it('gives the editor everything as JSON: ports, variables and the config schema with hints', () => {
    const description = describeNodeType(pick);
    expect(description).toMatchObject({
      type: 'pick',
      title: 'Pick one',
      category: 'Questions',
      description: 'Asks the customer to pick.',
      ports: [
        { forEach: 'options', idKey: 'id', labelKey: 'title' },
        { id: 'other', label: 'Other', required: true },
      ],
      variables: { writes: ['saveAs'] },
      links: [],
      waitsForCustomer: true,
      isStart: false,
    });
    const config = description.configSchema as Schema;
    expect(config.type).toBe('object');
    expect(config.properties?.saveAs).toMatchObject({ type: 'string', label: 'Save in', widget: 'variable' });
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(describeNodeType(greet).icon).toBe('hand');
  });
});
