import { type FaqEntryInput, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';
import { builtInCatalog } from '../registry';

const rows: FaqEntryInput[] = [
  { id: 'spa-hours', question: 'When is the spa open?', alternatives: ['spa opening hours'], answer: { text: 'The spa opens 9 am to 8 pm.' }, tags: ['spa'] },
  { id: 'pool-hours', question: 'When is the pool open?', alternatives: ['pool opening hours'], answer: { text: 'The pool opens 7 am to 10 pm.' }, tags: ['pool'] },
  { id: 'menu', question: 'Can I see the menu?', answer: { text: 'Here is our menu.', imageUrl: '{{parley.publicUrl}}/menu.png', buttons: [{ title: 'Book a table', payload: 'book' }] } },
  { id: 'site', question: 'Where is your website?', answer: { text: 'All about us online.', buttons: [{ title: 'Open', url: 'https://example.test/' }, { title: 'Call me', payload: 'call' }] } },
  { id: 'parking-pt', question: 'Vocês têm estacionamento?', alternatives: ['onde posso estacionar'], answer: { text: 'Sim, garagem a 25 €.' }, language: 'pt' },
  { id: 'parking-en', question: 'Do you have parking?', alternatives: ['where can I park'], answer: { text: 'Yes, a garage at €25.' }, language: 'en' },
];

function chatWith(data: Record<string, unknown>, system: { language?: string } = {}, faq = rows) {
  const flow = testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'faq', type: 'faq', data: { askHelpful: false, ...data } },
      { id: 'done', type: 'end' },
      { id: 'none', type: 'message', data: { text: 'No idea.' } },
    ],
    [
      ['start', null, 'faq'],
      ['faq', 'answered', 'done'],
      ['faq', 'noMatch', 'none'],
    ],
    { faq },
  );
  const chat = testChat(flow, { system: { contact: system, parley: { publicUrl: 'https://example.test' } } });
  chat.say('hi');
  return chat;
}

describe('faq node reads the FAQ table', () => {
  it('answers only from entries with one of its tags', () => {
    expect(texts(chatWith({ tags: ['spa'] }).say('spa opening hours'))).toEqual(['The spa opens 9 am to 8 pm.']);
    expect(texts(chatWith({ tags: ['spa'] }).say('pool opening hours'))).not.toContain('The pool opens 7 am to 10 pm.');
    expect(texts(chatWith({}).say('pool opening hours'))).toEqual(['The pool opens 7 am to 10 pm.']);
  });

  it("answers in the customer's language when entries carry one, else in the bot's", () => {
    expect(texts(chatWith({}, { language: 'pt-BR' }).say('onde posso estacionar o carro?'))).toEqual(['Sim, garagem a 25 €.']);
    expect(texts(chatWith({}, { language: 'en' }).say('where can I park my car?'))).toEqual(['Yes, a garage at €25.']);
    // No entry in German: the bot's own language (en) is used.
    expect(texts(chatWith({}, { language: 'de' }).say('where can I park my car?'))).toEqual(['Yes, a garage at €25.']);
  });

  it('renders a rich answer: image (its link a template), then the text with its buttons', () => {
    const replies = chatWith({}).say('can I see the menu');
    expect(replies).toEqual([
      { type: 'image', url: 'https://example.test/menu.png' },
      { type: 'buttons', text: 'Here is our menu.', buttons: [{ title: 'Book a table', payload: 'book' }] },
    ]);
  });

  it('puts link buttons on a card under the text', () => {
    const replies = chatWith({}).say('where is your website');
    expect(replies).toEqual([
      { type: 'text', text: 'All about us online.' },
      {
        type: 'cards',
        cards: [{ title: 'Where is your website?', buttons: [{ action: 'url', title: 'Open', url: 'https://example.test/' }, { action: 'postback', title: 'Call me', payload: 'call' }] }],
      },
    ]);
  });

  it('skips disabled and unfinished entries', () => {
    const faq: FaqEntryInput[] = [
      { id: 'a', question: 'Do you have a gym?', answer: { text: 'Yes, open all day.' }, enabled: false },
      { id: 'b', question: 'Is there a gym?', answer: { text: '' } },
    ];
    expect(texts(chatWith({}, {}, faq).say('do you have a gym'))).toEqual(['No idea.']);
  });

  it('is a problem when a node has no entry to answer from', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'faq', type: 'faq', data: { tags: ['golf'] } },
        { id: 'done', type: 'end' },
      ],
      [
        ['start', null, 'faq'],
        ['faq', 'answered', 'done'],
        ['faq', 'notHelpful', 'done'],
        ['faq', 'noMatch', 'done'],
      ],
      { faq: rows },
    );
    const problems = validateFlow(flow, builtInCatalog);
    expect(problems).toMatchObject([{ code: 'faq-no-entries', nodeId: 'faq', severity: 'error' }]);
    expect(problems[0]?.message).toContain('"golf"');
  });
});
