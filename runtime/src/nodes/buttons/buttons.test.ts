import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

const flow = testFlow(
  [
    { id: 'start', type: 'start' },
    {
      id: 'ask',
      type: 'buttons',
      data: {
        text: 'Skin type?',
        saveAs: 'skin',
        maxMisses: 2,
        buttons: [
          { id: 'dry', title: 'Dry' },
          { id: 'oily', title: 'Oily', payload: 'SKIN_OILY' },
          { id: 'combo', title: 'Combinaison' },
        ],
      },
    },
    { id: 'dryMsg', type: 'message', data: { text: 'Dry it is, {{skin}}' } },
    { id: 'oilyMsg', type: 'message', data: { text: 'Oily' } },
    { id: 'lost', type: 'message', data: { text: 'Let me find someone' } },
  ],
  [
    ['start', null, 'ask'],
    ['ask', 'dry', 'dryMsg'],
    ['ask', 'oily', 'oilyMsg'],
    ['ask', 'fallback', 'lost'],
  ],
);

describe('buttons node', () => {
  it('asks a question without templates with one shared reply, and one with templates for each customer', () => {
    const chat = testChat(flow);
    const [first] = chat.say('hi');
    chat.tap('dry');
    const [again] = chat.say('hi');
    // The same node setting, no {{…}}: the very same frozen reply, whose JSON the server keeps.
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const templated = testFlow(
      [{ id: 'start', type: 'start' }, { id: 'ask', type: 'buttons', data: { text: 'Skin type, {{name | friend}}?', buttons: [{ id: 'dry', title: 'Dry' }] } }],
      [['start', null, 'ask']],
    );
    const ana = testChat(templated, { initialVars: { name: 'Ana' } });
    expect(ana.say('hi')).toEqual([{ type: 'buttons', text: 'Skin type, Ana?', buttons: [{ title: 'Dry', payload: 'dry' }] }]);
    expect(testChat(templated).say('hi')).toEqual([{ type: 'buttons', text: 'Skin type, friend?', buttons: [{ title: 'Dry', payload: 'dry' }] }]);
  });

  it('asks with one button per choice', () => {
    const chat = testChat(flow);
    expect(chat.say('hi')).toEqual([
      {
        type: 'buttons',
        text: 'Skin type?',
        buttons: [
          { title: 'Dry', payload: 'dry' },
          { title: 'Oily', payload: 'SKIN_OILY' },
          { title: 'Combinaison', payload: 'combo' },
        ],
      },
    ]);
  });

  it('takes the port of the tapped button and saves its title', () => {
    const chat = testChat(flow);
    chat.say('hi');
    expect(texts(chat.tap('SKIN_OILY'))).toEqual(['Oily']);
    expect(chat.vars.skin).toBe('Oily');
    expect(chat.session?.status).toBe('ended');
  });

  it('accepts a typed title without its signs and emoji when it names one button only', () => {
    const priced = testFlow(
      [
        { id: 'start', type: 'start' },
        {
          id: 'ask',
          type: 'buttons',
          data: {
            text: 'Budget?',
            saveAs: 'budget',
            maxMisses: 2,
            buttons: [
              { id: 'low', title: 'Under $30' },
              { id: 'mid', title: '$30 to $60' },
              { id: 'plus', title: 'A+' },
              { id: 'minus', title: 'A-' },
            ],
          },
        },
        { id: 'lowMsg', type: 'message', data: { text: 'Budget: {{budget}}' } },
        { id: 'midMsg', type: 'message', data: { text: 'Mid' } },
        { id: 'plusMsg', type: 'message', data: { text: 'Plus' } },
        { id: 'minusMsg', type: 'message', data: { text: 'Minus' } },
        { id: 'lost', type: 'message', data: { text: 'Lost' } },
      ],
      [
        ['start', null, 'ask'],
        ['ask', 'low', 'lowMsg'],
        ['ask', 'mid', 'midMsg'],
        ['ask', 'plus', 'plusMsg'],
        ['ask', 'minus', 'minusMsg'],
        ['ask', 'fallback', 'lost'],
      ],
    );
    const chat = testChat(priced);
    chat.say('hi');
    expect(texts(chat.say('under 30'))).toEqual(['Budget: Under $30']);
    const other = testChat(priced);
    other.say('hi');
    expect(texts(other.say('30 to 60!'))).toEqual(['Mid']);
    // "a" is what is left of both "A+" and "A-": it names neither, so the customer is asked again.
    const ambiguous = testChat(priced);
    ambiguous.say('hi');
    expect(ambiguous.say('a')[0]).toMatchObject({ type: 'buttons' });
    expect(texts(ambiguous.say('A-'))).toEqual(['Minus']);
  });

  it('takes a typed number as a title first, as the option number otherwise', () => {
    const counts = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'buttons', data: { text: 'How many?', saveAs: 'count', buttons: [{ id: 'ten', title: '10' }, { id: 'thirty', title: '30' }] } },
        { id: 'done', type: 'message', data: { text: 'Count: {{count}}' } },
      ],
      [
        ['start', null, 'ask'],
        ['ask', 'ten', 'done'],
        ['ask', 'thirty', 'done'],
      ],
    );
    const byTitle = testChat(counts);
    byTitle.say('hi');
    expect(texts(byTitle.say('30'))).toEqual(['Count: 30']);
    const byNumber = testChat(counts);
    byNumber.say('hi');
    expect(texts(byNumber.say('2'))).toEqual(['Count: 30']);
  });

  it('accepts a typed title ignoring case and accents, or the option number', () => {
    const chat = testChat(flow);
    chat.say('hi');
    expect(texts(chat.say('  DRŸ '))).toEqual(['Dry it is, Dry']);
    const numbered = testChat(flow);
    numbered.say('hi');
    expect(texts(numbered.say('2'))).toEqual(['Oily']);
  });

  it('re-prompts on an unknown answer, then takes fallback after the misses', () => {
    const chat = testChat(flow);
    chat.say('hi');
    const again = chat.say('purple');
    expect(again[0]).toMatchObject({ type: 'buttons', text: 'Please pick one of: Dry, Oily, Combinaison' });
    expect(texts(chat.say('still purple'))).toEqual(['Let me find someone']);
  });

  it('a button left unconnected ends the conversation', () => {
    const chat = testChat(flow);
    chat.say('hi');
    expect(chat.tap('combo')).toEqual([]);
    expect(chat.session?.status).toBe('ended');
  });

  it('ignores timers and payment events: they are not answers', () => {
    const chat = testChat(flow);
    chat.say('hi');
    expect(chat.send({ kind: 'timer', timerId: 't1' }).replies).toEqual([]);
    expect(chat.send({ kind: 'payment', paymentId: 'p1', status: 'expired' }).replies).toEqual([]);
    expect(chat.send({ kind: 'timer', timerId: 't2' }).replies).toEqual([]);
    expect(chat.session?.waitingAt).toBe('ask');
    expect(texts(chat.tap('dry'))).toEqual(['Dry it is, Dry']);
  });
});
