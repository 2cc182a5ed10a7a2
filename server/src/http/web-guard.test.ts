import { describe, expect, it } from 'vitest';
import { isWebMessage, webMessageSchema } from '../routes/web';

// Values for one field of the web message, around its limits and of every wrong kind.
const strings = (min: number, max: number) => ['x'.repeat(Math.max(min, 1)), 'x'.repeat(max), 'x'.repeat(max + 1), '', 'é', 42, null, true, [], {}];
const variants: Record<string, readonly unknown[]> = {
  conversationId: strings(1, 200),
  text: strings(0, 10_000),
  payload: strings(0, 2_000),
  title: strings(0, 2_000),
  messageId: strings(1, 200),
  attachment: [
    { type: 'image', url: 'https://example.test/a.png' },
    { type: 'file', url: 'https://example.test/a.pdf', name: 'a.pdf' },
    { type: 'gif', url: 'https://example.test/a.gif' },
    { type: 'image' },
    { type: 'image', url: 'x'.repeat(4_001) },
    { type: 'image', url: 'u', extra: 1 },
    'image',
    null,
  ],
};

function randomMessages(count: number): unknown[] {
  let seed = 11;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const messages: unknown[] = [null, [], 'text', 7, {}];
  for (let i = 0; i < count; i++) {
    const message: Record<string, unknown> = {};
    // Mostly values within the limits (the first two of each list), so that many messages pass.
    for (const [key, values] of Object.entries(variants)) if (random() < 0.5) message[key] = pick(random() < 0.6 ? values.slice(0, 2) : values);
    if (random() < 0.1) message.extra = 'kept out by zod';
    if (random() < 0.05) message.text = undefined;
    messages.push(message);
  }
  return messages;
}

describe("the web message's guard", () => {
  it('accepts a web message only when the schema accepts it and returns it unchanged', () => {
    let accepted = 0;
    for (const message of randomMessages(4_000)) {
      if (!isWebMessage(message)) continue;
      accepted++;
      const parsed = webMessageSchema.safeParse(message);
      expect(parsed.success, JSON.stringify(message)).toBe(true);
      expect(parsed.data).toStrictEqual(message);
    }
    // The guard is worth having only if ordinary messages pass it.
    expect(accepted).toBeGreaterThan(100);
  });

  it('lets the common messages through, and leaves refusals to the schema', () => {
    for (const message of [
      { conversationId: 'c1', text: 'hi' },
      { conversationId: 'c1', payload: 'dry', title: 'Dry', messageId: 'm1' },
      { conversationId: 'c1', attachment: { type: 'image', url: 'https://example.test/a.png' } },
    ])
      expect(isWebMessage(message)).toBe(true);
    // Refused by the refinement passed along with the schema (JSON Schema cannot say it).
    expect(isWebMessage({ conversationId: 'c1' })).toBe(false);
    expect(isWebMessage({ conversationId: '', text: 'hi' })).toBe(false);
    expect(isWebMessage({ conversationId: 'c1', text: 'hi', unknown: 1 })).toBe(false);
  });
});
