import { type FaqEntryInput, type Reply, faqTableSchema, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';
import { nodeFaqOf } from './matching';

const entries = [
  { id: 'checkin', question: 'What time is check-in?', alternatives: ['Earliest arrival time', 'check in hours'], answer: 'Check-in is from 3 pm.' },
  { id: 'parking', question: 'Do you have parking?', alternatives: ['Is parking free?', 'garage'], answer: 'Free parking behind the hotel.' },
  { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['Is the internet free?', 'How do I connect to the wireless network?'], answer: 'Wi-Fi is free: network "Harbor", password on your key card.' },
  { id: 'breakfast', question: 'What time is breakfast served?', alternatives: ['Is breakfast included?'], answer: 'Breakfast is served 7–10 am, {{guest | dear guest}}.' },
  { id: 'pets', question: 'Are pets allowed?', alternatives: ['Can I bring my dog?', 'dogs and cats'], answer: 'Pets are welcome for a small fee.' },
  { id: 'spa', question: 'Do you have a spa?', answer: 'The spa is closed for renovation.', enabled: false },
];
const answerOf = (id: string): string => entries.find((e) => e.id === id)?.answer.replace('{{guest | dear guest}}', 'dear guest') ?? '';

/** Entries written with a plain-text answer, as FAQ table rows. */
const table = (list: readonly { answer: string }[]): FaqEntryInput[] => faqTableSchema.parse(list.map((e) => ({ ...e, answer: { text: e.answer } })));

function flowWith(data: Record<string, unknown>, locale = 'en', faq: FaqEntryInput[] = table(entries)) {
  const flow = testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'faq', type: 'faq', data },
      { id: 'more', type: 'message', data: { text: 'Anything else?' } },
      { id: 'sorry', type: 'message', data: { text: 'Sorry! A person will help you.' } },
      { id: 'human', type: 'message', data: { text: 'Let me ask the front desk.' } },
    ],
    [
      ['start', null, 'faq'],
      ['faq', 'answered', 'more'],
      ['faq', 'notHelpful', 'sorry'],
      ['faq', 'noMatch', 'human'],
    ],
    { variables: [{ name: 'guest' }], faq },
  );
  return { ...flow, settings: { ...flow.settings, locale } };
}

/** Without the helpful question: an answer goes straight on to Answered. */
const plain = flowWith({ prompt: 'What would you like to know?', askHelpful: false });
const withFeedback = flowWith({});

function ask(question: string, flow = plain) {
  const chat = testChat(flow);
  chat.say('hi');
  return { chat, replies: chat.say(question) };
}

const buttonsOf = (replies: readonly Reply[]) => replies.flatMap((r) => (r.type === 'buttons' ? [{ text: r.text, buttons: r.buttons }] : []));
const eventsOf = (chat: ReturnType<typeof testChat>) => chat.last?.events.filter((e) => e.type.startsWith('faq.')) ?? [];

describe('faq node', () => {
  it('is valid in a flow, with its three outputs', () => {
    expect(validateFlow(withFeedback, builtInCatalog)).toEqual([]);
    expect(builtInCatalog.get('faq')?.ports.map((p) => ('id' in p ? p.id : p.forEach))).toEqual(['answered', 'notHelpful', 'noMatch']);
  });

  it('sends the prompt and waits for the question', () => {
    const chat = testChat(plain);
    expect(texts(chat.say('hi'))).toEqual(['What would you like to know?']);
    expect(chat.session?.waitingAt).toBe('faq');
  });

  it.each([
    ['when can I check in', 'checkin'],
    ['is there somewhere to park my car', 'parking'],
    ['wifi password?', 'wifi'],
    ['Can I bring my dogs?', 'pets'],
    ['Is breakfast included in the price?', 'breakfast'],
    ['What time do you serve breakfast', 'breakfast'],
    ['WHAT TIME IS CHECK IN', 'checkin'],
    ['do you have a garaje', 'parking'],
  ])('answers "%s" with entry %s', (question, id) => {
    const { chat, replies } = ask(question);
    expect(texts(replies)).toEqual([answerOf(id), 'Anything else?']);
    expect(chat.vars.faq).toMatchObject({ question, matchId: id });
  });

  it('sends an unrelated question to "No match" and reports it', () => {
    const { chat, replies } = ask('do you sell shoes');
    expect(texts(replies)).toEqual(['Let me ask the front desk.']);
    expect(chat.vars.faq).toEqual({ question: 'do you sell shoes', matchId: null, score: 0 });
    expect(eventsOf(chat)).toEqual([{ type: 'faq.unanswered', nodeId: 'faq', data: { question: 'do you sell shoes', score: 0, closestId: null } }]);
  });

  it('one word many entries share is not enough, with the rest of the question unknown', () => {
    const { chat, replies } = ask('is the pool free?');
    expect(texts(replies)).toEqual(['Let me ask the front desk.']);
    expect(eventsOf(chat)).toEqual([{ type: 'faq.unanswered', nodeId: 'faq', data: { question: 'is the pool free?', score: expect.any(Number), closestId: 'parking' } }]);
  });

  it('asks which was meant when the question fits several entries alike', () => {
    const { chat, replies } = ask('is it free');
    expect(buttonsOf(replies)).toEqual([
      {
        text: 'Did you mean one of these?',
        buttons: [
          { title: 'Do you have parking?', payload: 'faq.pick:parking' },
          { title: 'Is there Wi-Fi?', payload: 'faq.pick:wifi' },
          { title: 'None of these', payload: 'faq.none' },
        ],
      },
    ]);
    expect(chat.session?.waitingAt).toBe('faq');
    expect(chat.vars.faq).toMatchObject({ question: 'is it free', matchId: null, suggestions: ['parking', 'wifi'] });
  });

  it('skips disabled entries', () => {
    expect(texts(ask('do you have a spa').replies)).toEqual(['Let me ask the front desk.']);
  });

  it('a higher threshold asks for closer wording, and "did you mean" can be turned off', () => {
    const strict = ask('is there somewhere to park my car', flowWith({ threshold: 0.9 }));
    expect(buttonsOf(strict.replies)[0]?.buttons.map((b) => b.payload)).toEqual(['faq.pick:parking', 'faq.none']);
    const blunt = ask('is there somewhere to park my car', flowWith({ threshold: 0.9, didYouMean: false }));
    expect(texts(blunt.replies)).toEqual(['Let me ask the front desk.']);
    expect(eventsOf(blunt.chat)).toEqual([
      { type: 'faq.unanswered', nodeId: 'faq', data: { question: 'is there somewhere to park my car', score: expect.any(Number), closestId: 'parking' } },
    ]);
  });

  it('a tap or an attachment instead of a question goes to "No match"', () => {
    const chat = testChat(plain);
    chat.say('hi');
    expect(texts(chat.tap('MENU_PARKING', 'Parking'))).toEqual(['Let me ask the front desk.']);
    expect(chat.vars.faq).toEqual({ question: 'Parking', matchId: null, score: 0 });
    const photo = testChat(plain);
    photo.say('hi');
    photo.send({ kind: 'attachment', attachmentType: 'image', url: 'https://img/x.jpg' });
    expect(texts(photo.last?.replies ?? [])).toEqual(['Let me ask the front desk.']);
  });

  it('answers a question saved earlier without waiting', () => {
    const chat = testChat(flowWith({ waitForQuestion: false, questionFrom: 'asked', askHelpful: false }), { initialVars: { asked: 'Is breakfast included?', guest: 'Ms Lee' } });
    expect(texts(chat.say('hi'))).toEqual(['Breakfast is served 7–10 am, Ms Lee.', 'Anything else?']);
    expect(chat.vars.faq).toEqual({ question: 'Is breakfast included?', matchId: 'breakfast', score: 1 });
  });

  it('an empty saved question goes to "No match" without an event', () => {
    const chat = testChat(flowWith({ waitForQuestion: false }));
    expect(texts(chat.say('hi'))).toEqual(['Let me ask the front desk.']);
    expect(chat.last?.events.map((e) => e.type)).not.toContain('faq.unanswered');
  });

  it('matches in the flow language: a French bot stems French', () => {
    const french = [
      { id: 'annulation', question: 'Comment annuler ma réservation ?', alternatives: ['Politique d’annulation'], answer: 'Sans frais jusqu’à 48 h avant.' },
      { id: 'animaux', question: 'Les animaux sont-ils acceptés ?', alternatives: ['Puis-je venir avec mon chien ?'], answer: 'Oui, chiens et chats.' },
    ];
    const flow = flowWith({ askHelpful: false }, 'fr-FR', table(french));
    expect(texts(ask('j’aimerais annuler mes réservations', flow).replies)).toEqual(['Sans frais jusqu’à 48 h avant.', 'Anything else?']);
    expect(texts(ask('vous acceptez les chiens ?', flow).replies)).toEqual(['Oui, chiens et chats.', 'Anything else?']);
  });

  it('builds the index once per table, tags and language, not per turn', () => {
    const rows = faqTableSchema.parse(table(entries));
    const en = { tags: [], language: 'en', locale: 'en' };
    expect(nodeFaqOf(rows, en)).toBe(nodeFaqOf(rows, { ...en, language: 'en-GB' }));
    expect(nodeFaqOf(rows, { ...en, tags: ['rooms'] })).not.toBe(nodeFaqOf(rows, en));
    // Another parse (another loaded flow) gets its own index.
    expect(nodeFaqOf(faqTableSchema.parse(table(entries)), en)).not.toBe(nodeFaqOf(rows, en));
  });
});

describe('faq node: "Did you mean…?"', () => {
  function offered() {
    const chat = testChat(withFeedback);
    chat.say('hi');
    chat.say('is it free');
    expect(chat.session?.waitingAt).toBe('faq');
    return chat;
  }

  it('a tapped suggestion is answered, with the question asked', () => {
    const chat = offered();
    const replies = chat.tap('faq.pick:wifi', 'Is there Wi-Fi?');
    expect(texts(replies)).toEqual([answerOf('wifi'), 'Was this helpful?']);
    expect(chat.vars.faq).toMatchObject({ question: 'is it free', matchId: 'wifi' });
  });

  it('a suggestion can be picked by typing its number or its question', () => {
    const byNumber = offered();
    expect(texts(byNumber.say('2'))[0]).toBe(answerOf('wifi'));
    const byTitle = offered();
    expect(texts(byTitle.say('do you have parking?'))[0]).toBe(answerOf('parking'));
  });

  it('"None of these" follows "No match" and reports what was offered', () => {
    const chat = offered();
    expect(texts(chat.tap('faq.none', 'None of these'))).toEqual(['Let me ask the front desk.']);
    expect(chat.vars.faq).toMatchObject({ question: 'is it free', matchId: null });
    expect(eventsOf(chat)).toEqual([
      { type: 'faq.unanswered', nodeId: 'faq', data: { question: 'is it free', score: expect.any(Number), closestId: 'parking', suggestedIds: ['parking', 'wifi'] } },
    ]);
  });

  it('a new question typed instead is answered as a question', () => {
    const chat = offered();
    expect(texts(chat.say('can I bring my dog'))).toEqual([answerOf('pets'), 'Was this helpful?']);
    const lost = offered();
    expect(texts(lost.say('do you sell shoes'))).toEqual(['Let me ask the front desk.']);
  });

  it('keeps waiting through timers', () => {
    const chat = offered();
    chat.send({ kind: 'timer', timerId: 't1' });
    expect(chat.last?.replies).toEqual([]);
    expect(texts(chat.tap('faq.pick:parking'))[0]).toBe(answerOf('parking'));
  });
});

describe('faq node: "Was this helpful?"', () => {
  function answered() {
    const { chat, replies } = ask('wifi password?', withFeedback);
    expect(replies).toEqual([
      { type: 'text', text: answerOf('wifi') },
      {
        type: 'buttons',
        text: 'Was this helpful?',
        buttons: [
          { title: 'Yes', payload: 'faq.helpful' },
          { title: 'No', payload: 'faq.not_helpful' },
        ],
      },
    ]);
    return chat;
  }
  const feedback = { question: 'wifi password?', matchId: 'wifi', score: 1 };

  it('Yes follows "Answered" and records it', () => {
    const chat = answered();
    expect(texts(chat.tap('faq.helpful', 'Yes'))).toEqual(['Anything else?']);
    expect(chat.vars.faq).toEqual({ ...feedback, helpful: true });
    expect(eventsOf(chat)).toEqual([{ type: 'faq.helpful', nodeId: 'faq', data: feedback }]);
  });

  it('No follows "Not helpful" and records it', () => {
    const chat = answered();
    expect(texts(chat.tap('faq.not_helpful', 'No'))).toEqual(['Sorry! A person will help you.']);
    expect(chat.vars.faq).toEqual({ ...feedback, helpful: false });
    expect(eventsOf(chat)).toEqual([{ type: 'faq.not_helpful', nodeId: 'faq', data: feedback }]);
  });

  it('typed answers count: the title or its number', () => {
    const no = answered();
    expect(texts(no.say('NO'))).toEqual(['Sorry! A person will help you.']);
    const yes = answered();
    expect(texts(yes.say('1'))).toEqual(['Anything else?']);
  });

  it('a new question instead of feedback is answered; anything else carries on as answered', () => {
    const asking = answered();
    expect(texts(asking.say('and can I bring my dog?'))).toEqual([answerOf('pets'), 'Was this helpful?']);
    expect(eventsOf(asking)).toEqual([]);
    const thanking = answered();
    expect(texts(thanking.say('great, thanks!'))).toEqual(['Anything else?']);
    expect(eventsOf(thanking)).toEqual([]);
    expect(thanking.vars.faq).toEqual(feedback);
  });

  it('custom texts and titles, rendered with variables', () => {
    const chat = testChat(flowWith({ helpfulText: 'Did that help, {{guest | friend}}?', yesTitle: 'Yes, thanks', noTitle: 'Not really' }));
    chat.say('hi');
    const [question] = buttonsOf(chat.say('is there wifi'));
    expect(question).toEqual({
      text: 'Did that help, friend?',
      buttons: [
        { title: 'Yes, thanks', payload: 'faq.helpful' },
        { title: 'Not really', payload: 'faq.not_helpful' },
      ],
    });
    expect(texts(chat.say('not really'))).toEqual(['Sorry! A person will help you.']);
  });
});
