import { validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';

const entries = [
  { id: 'checkin', question: 'What time is check-in?', alternatives: ['Earliest arrival time', 'check in hours'], answer: 'Check-in is from 3 pm.' },
  { id: 'parking', question: 'Do you have parking?', alternatives: ['Is parking free?', 'garage'], answer: 'Free parking behind the hotel.' },
  { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['Is the internet free?', 'How do I connect to the wireless network?'], answer: 'Wi-Fi is free: network "Harbor", password on your key card.' },
  { id: 'breakfast', question: 'What time is breakfast served?', alternatives: ['Is breakfast included?'], answer: 'Breakfast is served 7–10 am, {{guest | dear guest}}.' },
  { id: 'pets', question: 'Are pets allowed?', alternatives: ['Can I bring my dog?', 'dogs and cats'], answer: 'Pets are welcome for a small fee.' },
  { id: 'spa', question: 'Do you have a spa?', answer: 'The spa is closed for renovation.', enabled: false },
];

function flowWith(data: Record<string, unknown>) {
  return testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'faq', type: 'faq', data: { entries, ...data } },
      { id: 'more', type: 'message', data: { text: 'Anything else?' } },
      { id: 'human', type: 'message', data: { text: 'Let me ask the front desk.' } },
    ],
    [
      ['start', null, 'faq'],
      ['faq', 'answered', 'more'],
      ['faq', 'noMatch', 'human'],
    ],
    { variables: [{ name: 'guest' }] },
  );
}

const flow = flowWith({ prompt: 'What would you like to know?' });

function ask(question: string) {
  const chat = testChat(flow);
  chat.say('hi');
  return { chat, replies: texts(chat.say(question)) };
}

describe('faq node', () => {
  it('is valid in a flow', () => {
    expect(validateFlow(flow, builtInCatalog)).toEqual([]);
  });

  it('sends the prompt and waits for the question', () => {
    const chat = testChat(flow);
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
  ])('answers "%s" with entry %s', (question, id) => {
    const { chat, replies } = ask(question);
    const answer = entries.find((e) => e.id === id)?.answer.replace('{{guest | dear guest}}', 'dear guest');
    expect(replies).toEqual([answer, 'Anything else?']);
    expect(chat.vars.faq).toMatchObject({ question, matchId: id });
  });

  it('sends an unrelated question to "No match" and reports it', () => {
    const { chat, replies } = ask('do you sell shoes');
    expect(replies).toEqual(['Let me ask the front desk.']);
    expect(chat.vars.faq).toEqual({ question: 'do you sell shoes', matchId: null, score: 0 });
    expect(chat.last?.events).toContainEqual({ type: 'faq.unanswered', nodeId: 'faq', data: { question: 'do you sell shoes', score: 0, closestId: null } });
  });

  it('one word many entries share is not enough', () => {
    expect(ask('is the pool free?').replies).toEqual(['Let me ask the front desk.']);
  });

  it('skips disabled entries', () => {
    expect(ask('do you have a spa').replies).toEqual(['Let me ask the front desk.']);
  });

  it('a higher threshold asks for closer wording', () => {
    const strict = testChat(flowWith({ threshold: 0.9 }));
    strict.say('hi');
    expect(texts(strict.say('is there somewhere to park my car'))).toEqual(['Let me ask the front desk.']);
  });

  it('a tap or an attachment instead of a question goes to "No match"', () => {
    const chat = testChat(flow);
    chat.say('hi');
    expect(texts(chat.tap('MENU_PARKING', 'Parking'))).toEqual(['Let me ask the front desk.']);
    expect(chat.vars.faq).toEqual({ question: 'Parking', matchId: null, score: 0 });
    const photo = testChat(flow);
    photo.say('hi');
    photo.send({ kind: 'attachment', attachmentType: 'image', url: 'https://img/x.jpg' });
    expect(texts(photo.last?.replies ?? [])).toEqual(['Let me ask the front desk.']);
  });

  it('answers a question saved earlier without waiting', () => {
    const chat = testChat(flowWith({ waitForQuestion: false, questionFrom: 'asked' }), { initialVars: { asked: 'Is breakfast included?', guest: 'Ms Lee' } });
    expect(texts(chat.say('hi'))).toEqual(['Breakfast is served 7–10 am, Ms Lee.', 'Anything else?']);
    expect(chat.vars.faq).toEqual({ question: 'Is breakfast included?', matchId: 'breakfast', score: 1 });
  });

  it('an empty saved question goes to "No match" without an event', () => {
    const chat = testChat(flowWith({ waitForQuestion: false }));
    expect(texts(chat.say('hi'))).toEqual(['Let me ask the front desk.']);
    expect(chat.last?.events.map((e) => e.type)).not.toContain('faq.unanswered');
  });
});
