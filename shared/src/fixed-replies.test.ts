import { describe, expect, it } from 'vitest';
import { fixedReplies, noTemplates, repliesToJson } from './fixed-replies';
import type { Reply } from './replies';

type Setting = { text: string; choices: string[] };
const question = fixedReplies(
  (s: Setting) => [s.text, ...s.choices],
  (s, render): Reply => ({ type: 'buttons', text: render(s.text), buttons: s.choices.map((c) => ({ title: render(c), payload: c })) }),
);
const shout = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => name.toUpperCase());

describe('fixed replies', () => {
  it('makes a reply with no template once per setting, frozen to the last button', () => {
    const setting = { text: 'Skin type?', choices: ['dry', 'oily'] };
    const first = question(setting, shout);
    expect(question(setting, shout)).toBe(first);
    expect(first).toEqual({ type: 'buttons', text: 'Skin type?', buttons: [{ title: 'dry', payload: 'dry' }, { title: 'oily', payload: 'oily' }] });
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.type === 'buttons' && Object.isFrozen(first.buttons[0])).toBe(true);
    // Another setting with the same texts is another node: its own reply.
    expect(question({ text: 'Skin type?', choices: ['dry', 'oily'] }, shout)).not.toBe(first);
  });

  it('renders a reply with a template on every call, and leaves it open', () => {
    const setting = { text: 'Which one, {{name}}?', choices: ['dry'] };
    const first = question(setting, shout);
    expect(first).toEqual({ type: 'buttons', text: 'Which one, NAME?', buttons: [{ title: 'dry', payload: 'dry' }] });
    expect(question(setting, shout)).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });

  it('writes the same JSON as JSON.stringify, fixed replies among fresh ones or not', () => {
    const fixed = question({ text: 'Finish?', choices: ['matte', 'dewy "glow"'] }, shout);
    const fresh: Reply = { type: 'text', text: 'Ciao \u00e8 "qui"\n' };
    for (const replies of [[], [fresh], [fixed], [fresh, fixed, fresh], [fixed, fixed]]) {
      expect(repliesToJson(replies)).toBe(JSON.stringify(replies));
      // Twice: the second time from the JSON kept for the fixed reply.
      expect(repliesToJson(replies)).toBe(JSON.stringify(replies));
    }
  });

  it('tells templates from plain texts', () => {
    expect(noTemplates(['Hi', undefined, 'a { b }'])).toBe(true);
    expect(noTemplates(['Hi', 'Hello {{name}}'])).toBe(false);
  });
});
