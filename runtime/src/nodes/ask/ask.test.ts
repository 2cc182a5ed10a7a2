import { type Flow, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';

/** Start → ask → "Got {{answer}}", with "Invalid" → "Giving up". */
function askFlow(data: Record<string, unknown>): Flow {
  return testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'ask', type: 'ask', data: { text: 'Your answer?', variable: 'answer', ...data } },
      { id: 'thanks', type: 'message', data: { text: 'Got {{answer}}' } },
      { id: 'lost', type: 'message', data: { text: 'Giving up' } },
    ],
    [
      ['start', null, 'ask'],
      ['ask', 'next', 'thanks'],
      ['ask', 'invalid', 'lost'],
    ],
  );
}

/** Opens the conversation, sends `answer`, and returns the chat. */
function answered(data: Record<string, unknown>, answer: string, options: { now?: () => Date; timezone?: string } = {}) {
  const flow = askFlow(data);
  const chat = testChat(options.timezone ? { ...flow, settings: { ...flow.settings, timezone: options.timezone } } : flow, { now: options.now });
  chat.say('hi');
  chat.say(answer);
  return chat;
}

describe('ask node', () => {
  it('asks the question and stores a text answer, trimmed', () => {
    const chat = testChat(askFlow({ text: 'Your name, {{contact.name | friend}}?' }));
    expect(texts(chat.say('hi'))).toEqual(['Your name, friend?']);
    expect(texts(chat.say('  Ana  '))).toEqual(['Got Ana']);
    expect(chat.vars.answer).toBe('Ana');
    expect(chat.session?.status).toBe('ended');
  });

  it('treats a photo sent to a text question as invalid', () => {
    const chat = testChat(askFlow({}));
    chat.say('hi');
    const replies = chat.send({ kind: 'attachment', attachmentType: 'image', url: 'https://cdn.example/a.jpg' }).replies;
    expect(texts(replies)).toEqual(['Please type your answer.']);
    expect(chat.vars.answer).toBeUndefined();
    expect(texts(chat.say('Ana'))).toEqual(['Got Ana']);
  });

  it('reads numbers written with a comma, a dot or spaces', () => {
    expect(answered({ answerType: 'number' }, '1,5').vars.answer).toBe(1.5);
    expect(answered({ answerType: 'number' }, '1.5').vars.answer).toBe(1.5);
    expect(answered({ answerType: 'number' }, '1 000').vars.answer).toBe(1000);
    expect(answered({ answerType: 'number' }, '1,000,000').vars.answer).toBe(1_000_000);
    expect(answered({ answerType: 'number' }, '1.000,25').vars.answer).toBe(1000.25);
    expect(answered({ answerType: 'number' }, '-3').vars.answer).toBe(-3);
    const chat = answered({ answerType: 'number' }, 'twelve');
    expect(chat.vars.answer).toBeUndefined();
    expect(texts(chat.last?.replies ?? [])).toEqual(["That doesn't look like a number. Please try again."]);
  });

  it('keeps numbers within min and max', () => {
    const chat = answered({ answerType: 'number', min: 18, max: 99 }, '12');
    expect(texts(chat.last?.replies ?? [])).toEqual(['Please enter a number between 18 and 99.']);
    expect(texts(chat.say('18'))).toEqual(['Got 18']);
    expect(texts(answered({ answerType: 'number', min: 1 }, '0').last?.replies ?? [])).toEqual(['Please enter a number of at least 1.']);
  });

  it('checks email addresses', () => {
    const chat = answered({ answerType: 'email' }, 'ana@example');
    expect(texts(chat.last?.replies ?? [])).toEqual(["That doesn't look like an email address. Please try again."]);
    expect(texts(chat.say(' Ana.Lopez+shop@Example.COM '))).toEqual(['Got Ana.Lopez+shop@example.com']);
    expect(answered({ answerType: 'email' }, 'ana @example.com').vars.answer).toBeUndefined();
  });

  it('stores phone numbers as + and digits', () => {
    expect(answered({ answerType: 'phone' }, '+1 (555) 123-4567').vars.answer).toBe('+15551234567');
    expect(answered({ answerType: 'phone' }, '06 12 34 56 78').vars.answer).toBe('0612345678');
    expect(answered({ answerType: 'phone' }, '12345').vars.answer).toBeUndefined();
    expect(answered({ answerType: 'phone' }, '555-CALL-NOW').vars.answer).toBeUndefined();
    expect(answered({ answerType: 'phone' }, '1234+5678').vars.answer).toBeUndefined();
  });

  it('reads dates in ISO form or in the configured day/month order', () => {
    expect(answered({ answerType: 'date' }, '2026-03-02').vars.answer).toBe('2026-03-02');
    expect(answered({ answerType: 'date' }, '2/3/2026').vars.answer).toBe('2026-03-02');
    expect(answered({ answerType: 'date', dateOrder: 'mdy' }, '2/3/2026').vars.answer).toBe('2026-02-03');
    const impossible = answered({ answerType: 'date' }, '31/02/2026');
    expect(impossible.vars.answer).toBeUndefined();
    expect(texts(impossible.last?.replies ?? [])).toEqual(["That doesn't look like a date. Please write it as dd/mm/yyyy."]);
  });

  it('reads "today" and "tomorrow" in the flow\'s time zone', () => {
    const now = () => new Date('2026-03-02T12:00:00Z');
    expect(answered({ answerType: 'date' }, 'Today', { now }).vars.answer).toBe('2026-03-02');
    expect(answered({ answerType: 'date' }, 'tomorrow', { now }).vars.answer).toBe('2026-03-03');
    // Already the 3rd in Auckland (UTC+13).
    expect(answered({ answerType: 'date' }, 'today', { now, timezone: 'Pacific/Auckland' }).vars.answer).toBe('2026-03-03');
    const endOfYear = () => new Date('2026-12-31T20:00:00Z');
    expect(answered({ answerType: 'date' }, 'tomorrow', { now: endOfYear }).vars.answer).toBe('2027-01-01');
  });

  it('offers options as buttons and matches taps, typed text and numbers', () => {
    const data = { answerType: 'oneOf', options: ['Café', 'Tea', 'Juice'] };
    const chat = testChat(askFlow(data));
    expect(chat.say('hi')).toEqual([
      {
        type: 'buttons',
        text: 'Your answer?',
        buttons: [
          { title: 'Café', payload: 'Café' },
          { title: 'Tea', payload: 'Tea' },
          { title: 'Juice', payload: 'Juice' },
        ],
      },
    ]);
    expect(texts(chat.tap('Tea'))).toEqual(['Got Tea']);
    expect(answered(data, ' CAFE ').vars.answer).toBe('Café');
    expect(answered(data, '3').vars.answer).toBe('Juice');
    const wrong = answered(data, 'Water');
    expect(wrong.last?.replies[0]).toMatchObject({ type: 'buttons', text: 'Please pick one of: Café, Tea, Juice' });
  });

  it('asks again with the custom message, then takes "Invalid" after maxRetries', () => {
    const chat = testChat(askFlow({ answerType: 'number', maxRetries: 2, invalidText: 'A number please, {{contact.name | friend}}' }));
    chat.say('hi');
    expect(texts(chat.say('abc'))).toEqual(['A number please, friend']);
    expect(chat.session?.state).toEqual({ retries: 1 });
    expect(texts(chat.say('def'))).toEqual(['A number please, friend']);
    expect(texts(chat.say('ghi'))).toEqual(['Giving up']);
    expect(chat.vars.answer).toBeUndefined();
  });

  it('asks again forever when maxRetries is 0', () => {
    const chat = testChat(askFlow({ answerType: 'email', maxRetries: 0 }));
    chat.say('hi');
    for (let i = 0; i < 10; i++) expect(texts(chat.say('nope'))).toHaveLength(1);
    expect(texts(chat.say('ana@example.com'))).toEqual(['Got ana@example.com']);
  });

  it('keeps waiting through system events and asks again when a person hands back', () => {
    const chat = testChat(askFlow({}));
    chat.say('hi');
    expect(chat.send({ kind: 'timer', timerId: 't1' }).replies).toEqual([]);
    expect(chat.session?.waitingAt).toBe('ask');
    expect(texts(chat.send({ kind: 'released' }).replies)).toEqual(['Your answer?']);
    expect(texts(chat.say('Ana'))).toEqual(['Got Ana']);
  });

  it('reports config mistakes as sentences and declares the variable it sets', () => {
    const messages = (data: Record<string, unknown>) => validateFlow(askFlow(data), builtInCatalog).map((problem) => problem.message);
    expect(messages({})).toEqual([]);
    expect(messages({ answerType: 'oneOf' })).toContain('Node Ask a question (ask): options: a "one of" question needs at least one option.');
    expect(messages({ answerType: 'number', min: 5, max: 1 })).toContain('Node Ask a question (ask): max: the largest number cannot be smaller than the smallest.');
    expect(messages({ variable: '1st' })).toContain('Node Ask a question (ask): variable: a variable name starts with a letter or _ and holds only letters, digits, _ and dots.');
  });
});
