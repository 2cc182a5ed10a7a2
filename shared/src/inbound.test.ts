import { describe, expect, it } from 'vitest';
import { type Inbound, inboundJson, inboundSchema } from './inbound';

describe('inboundJson', () => {
  it('writes the same JSON as JSON.stringify, for texts that need escaping too', () => {
    const texts = ['hi', '', 'say "hello"', 'back\\slash', 'line\nbreak\ttab', '\u0000\u001f', 'café ☕ 日本', '\ud83d\ude00', 'lone \ud800 surrogate', '</script>'];
    for (const text of texts) {
      const inbound: Inbound = { kind: 'text', text };
      expect(inboundJson(inbound)).toBe(JSON.stringify(inbound));
      expect(inboundSchema.parse(JSON.parse(inboundJson(inbound)))).toEqual(inbound);
    }
  });

  it('stringifies every other kind as it is', () => {
    const others: Inbound[] = [
      { kind: 'postback', payload: 'dry', title: 'Dry' },
      { kind: 'attachment', attachmentType: 'image', url: 'https://example.test/a.png' },
      { kind: 'payment', paymentId: 'pay_1', status: 'paid' },
      { kind: 'timer', timerId: 't1', data: { n: 1 } },
    ];
    for (const inbound of others) expect(inboundJson(inbound)).toBe(JSON.stringify(inbound));
  });
});
