import { validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';

const quiz = {
  saveAs: 'quiz',
  maxMisses: 2,
  questions: [
    {
      id: 'skin',
      text: 'What is your skin type?',
      variable: 'skin',
      options: [
        { id: 'dry', title: 'Dry', points: { glow: 2 } },
        { id: 'oily', title: 'Oily', points: { matte: 2 } },
        { id: 'combo', title: 'Combination', points: { glow: 1, matte: 1 } },
      ],
    },
    {
      id: 'finish',
      text: '{{skin}} skin, noted. Which finish do you like?',
      options: [
        { id: 'dewy', title: 'Dewy', points: { glow: 1 } },
        { id: 'velvet', title: 'Velvet Mätte', points: { matte: 1 } },
      ],
    },
  ],
  outcomes: [
    { id: 'glow', label: 'Glow routine' },
    { id: 'matte', label: 'Matte routine' },
  ],
};

const flow = testFlow(
  [
    { id: 'start', type: 'start' },
    { id: 'quiz', type: 'quiz', data: quiz },
    { id: 'glowMsg', type: 'message', data: { text: 'Your match: {{quiz.outcomeLabel}}' } },
    { id: 'matteMsg', type: 'message', data: { text: 'Matte for you' } },
    { id: 'lost', type: 'message', data: { text: 'Let me find someone' } },
  ],
  [
    ['start', null, 'quiz'],
    ['quiz', 'glow', 'glowMsg'],
    ['quiz', 'matte', 'matteMsg'],
    ['quiz', 'fallback', 'lost'],
  ],
);

describe('quiz node', () => {
  it('is a valid node with one output per outcome plus fallback', () => {
    expect(validateFlow(flow, builtInCatalog)).toEqual([]);
  });

  it('asks the first question with buttons', () => {
    const chat = testChat(flow);
    expect(chat.say('hi')).toEqual([
      {
        type: 'buttons',
        text: 'What is your skin type?',
        buttons: [
          { title: 'Dry', payload: 'dry' },
          { title: 'Oily', payload: 'oily' },
          { title: 'Combination', payload: 'combo' },
        ],
      },
    ]);
  });

  it('asks each question in turn, saves answers, and follows the winning outcome', () => {
    const chat = testChat(flow);
    chat.say('hi');
    expect(texts(chat.tap('dry'))).toEqual(['Dry skin, noted. Which finish do you like?']);
    expect(chat.vars.skin).toBe('Dry');
    expect(texts(chat.tap('dewy'))).toEqual(['Your match: Glow routine']);
    expect(chat.vars.quiz).toEqual({
      answers: { skin: 'Dry', finish: 'Dewy' },
      scores: { glow: 3, matte: 0 },
      outcome: 'glow',
      outcomeLabel: 'Glow routine',
    });
    expect(chat.session?.status).toBe('ended');
  });

  it('accepts typed titles ignoring case and accents, and option numbers', () => {
    const chat = testChat(flow);
    chat.say('hi');
    chat.say('  OILY ');
    expect(texts(chat.say('velvet matte'))).toEqual(['Matte for you']);
    expect(chat.vars.quiz).toMatchObject({ answers: { skin: 'Oily', finish: 'Velvet Mätte' }, outcome: 'matte' });
    const numbered = testChat(flow);
    numbered.say('hi');
    numbered.say('2');
    expect(texts(numbered.say('2'))).toEqual(['Matte for you']);
  });

  it('adds points across questions', () => {
    const chat = testChat(flow);
    chat.say('hi');
    chat.tap('combo');
    expect(texts(chat.tap('velvet'))).toEqual(['Matte for you']);
    expect(chat.vars.quiz).toMatchObject({ scores: { glow: 1, matte: 2 } });
  });

  it('ignores a tap on an option of another question', () => {
    const chat = testChat(flow);
    chat.say('hi');
    const again = chat.tap('dewy');
    expect(again[0]).toMatchObject({ type: 'buttons', text: 'Please pick one of: Dry, Oily, Combination' });
  });

  it('re-prompts on an unknown answer, then takes fallback after the misses', () => {
    const chat = testChat(flow);
    chat.say('hi');
    chat.tap('dry');
    const again = chat.say('purple');
    expect(again).toEqual([
      {
        type: 'buttons',
        text: 'Please pick one of: Dewy, Velvet Mätte',
        buttons: [
          { title: 'Dewy', payload: 'dewy' },
          { title: 'Velvet Mätte', payload: 'velvet' },
        ],
      },
    ]);
    expect(texts(chat.say('still purple'))).toEqual(['Let me find someone']);
  });

  it('counts misses per question', () => {
    const chat = testChat(flow);
    chat.say('hi');
    chat.say('purple');
    chat.tap('dry');
    expect(chat.say('purple')[0]).toMatchObject({ type: 'buttons' });
  });

  it('a tie between all outcomes goes to the first one', () => {
    const even = testFlow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'quiz',
          type: 'quiz',
          data: {
            questions: [{ id: 'q', text: 'Pick', options: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }],
            outcomes: [
              { id: 'first', label: 'First' },
              { id: 'second', label: 'Second' },
            ],
          },
        },
        { id: 'firstMsg', type: 'message', data: { text: 'First wins' } },
      ],
      [
        ['start', null, 'quiz'],
        ['quiz', 'first', 'firstMsg'],
      ],
    );
    const chat = testChat(even);
    chat.say('hi');
    expect(texts(chat.tap('b'))).toEqual(['First wins']);
    expect(chat.vars.quiz).toEqual({ answers: { q: 'B' }, scores: { first: 0, second: 0 }, outcome: 'first', outcomeLabel: 'First' });
  });

  it('rejects points for an outcome the quiz does not have', () => {
    const broken = testFlow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'quiz',
          type: 'quiz',
          data: {
            questions: [{ id: 'q', text: 'Pick', options: [{ id: 'a', title: 'A', points: { nope: 1 } }, { id: 'b', title: 'B' }] }],
            outcomes: [{ id: 'yes', label: 'Yes' }],
          },
        },
      ],
      [['start', null, 'quiz']],
    );
    expect(validateFlow(broken, builtInCatalog).map((p) => p.message)).toContain(
      'Node Quiz (quiz): questions.0.options.0.points: "nope" is not one of the quiz\'s outcomes.',
    );
  });
});
