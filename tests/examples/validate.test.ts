import { loadExampleBots } from '@parley/examples';
import { builtInCatalog } from '@parley/runtime';
import { parseFlow, productSchema, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';

const examples = loadExampleBots();

describe('example bots', () => {
  it('are all there', () => {
    expect(examples.map((bot) => bot.id)).toEqual(
      expect.arrayContaining(['airline-support', 'beauty-quiz', 'hotel-concierge', 'limited-edition', 'quiz-bench', 'road-trip']),
    );
  });

  describe.each(examples.map((bot) => [bot.id, bot] as const))('%s', (id, bot) => {
    it('has a name and a description', () => {
      expect(bot.name.trim()).not.toBe('');
      expect(bot.description.trim()).not.toBe('');
    });

    it('parses, and validates with no errors and no warnings', () => {
      const parsed = parseFlow(bot.flow);
      if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed)}`);
      expect(parsed.flow.id).toBe(id);
      expect(validateFlow(parsed.flow, builtInCatalog)).toEqual([]);
    });

    it('labels every node', () => {
      const parsed = parseFlow(bot.flow);
      if (!parsed.ok) throw new Error(`${id} does not parse`);
      if (id === 'quiz-bench') return; // mirrors the benchmark peers node for node
      const unlabelled = parsed.flow.nodes.filter((node) => typeof node.data.label !== 'string' || node.data.label.trim() === '').map((node) => node.id);
      expect(unlabelled).toEqual([]);
    });

    it('has a valid catalog', () => {
      expect(Array.isArray(bot.products)).toBe(true);
      const products = bot.products as unknown[];
      for (const product of products) expect(productSchema.safeParse(product).success).toBe(true);
      expect(new Set(products.map((p) => (p as { sku: string }).sku)).size).toBe(products.length);
    });
  });
});
