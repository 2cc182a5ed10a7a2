import { afterEach, describe, expect, it } from 'vitest';
import { releaseConversation } from '../../server/src/bots/service';
import { type TestParley, buttonTitles, conversationIdOf, customer, handoffsOf, loadExample, testParley, texts } from './chat';

let parley: TestParley | undefined;

/** A Parley whose clock stands still at `iso`, so business hours are the same whatever day the tests run. */
function parleyAt(iso: string): TestParley {
  const at = new Date(iso);
  parley = testParley({ now: () => at });
  loadExample(parley, 'airline-support');
  return parley;
}
afterEach(() => parley?.close());

const PROMISE = "You're in the queue for our customer care team. A person will answer right here within one hour. Feel free to add your booking reference and flight number in the meantime.";

function waitingHandoffs(p: TestParley, traveller: string) {
  return handoffsOf(p, 'airline-support', traveller).map(({ queue, status }) => ({ queue, status }));
}

describe('airline-support example', () => {
  it('answers from the FAQ, then hands over to a person within business hours', async () => {
    // Wednesday 4 March 2026, 11:00 in Paris.
    const p = parleyAt('2026-03-04T10:00:00Z');
    const chat = customer(p, 'airline-support', 'traveller-1');
    const hello = await chat.say('hi');
    expect(texts(hello)).toEqual([expect.stringContaining('welcome to Alizé Airlines customer care'), expect.stringContaining('What can I help you with?')]);
    const answer = await chat.say('How much luggage can I bring?');
    expect(texts(answer)[0]).toMatch(/^Every ticket includes one cabin bag up to 10 kg/);
    // The FAQ asks whether the answer helped; "Yes" carries on where the flow goes after an answer.
    expect(buttonTitles(answer)).toEqual(['Yes', 'No']);
    expect(buttonTitles(await chat.tap('faq.helpful', 'Yes'))).toEqual(['Another question', 'Talk to a person', "No, that's all"]);
    const person = await chat.tap('person', 'Talk to a person');
    expect(person.replies).toEqual([{ type: 'handoff', text: PROMISE, queue: 'customer-care' }]);
    expect(waitingHandoffs(p, 'traveller-1')).toEqual([{ queue: 'customer-care', status: 'waiting' }]);
  });

  it('passes questions it cannot answer to the team', async () => {
    const p = parleyAt('2026-03-07T10:00:00Z'); // Saturday, 11:00 in Paris
    const chat = customer(p, 'airline-support', 'traveller-2');
    await chat.say('hello');
    const unknown = await chat.say('Can I bring my surfboard?');
    expect(unknown.replies).toEqual([
      { type: 'text', text: "That's one for our customer care team. Let me pass your question on." },
      { type: 'handoff', text: PROMISE, queue: 'customer-care' },
    ]);
  });

  it('out of hours, says when the team is back and queues the conversation', async () => {
    const p = parleyAt('2026-03-08T10:00:00Z'); // Sunday
    const chat = customer(p, 'airline-support', 'traveller-3');
    await chat.say('hi');
    const closed = await chat.say('agent');
    expect(closed.replies).toEqual([
      {
        type: 'text',
        text: "Our customer care team is offline right now and back on Monday, March 9 at 8:00 AM (Paris time). Your conversation is queued: a person will answer you here within one hour of opening, so there's no need to call or write again.",
      },
      {
        type: 'handoff',
        text: 'You can add your booking reference, flight number and any details here; the team will see everything when they pick up your conversation.',
        queue: 'customer-care',
      },
    ]);
    expect(waitingHandoffs(p, 'traveller-3')).toEqual([{ queue: 'customer-care', status: 'waiting' }]);
  });

  it('knows Saturday evenings and holidays are closed', async () => {
    const saturdayEvening = parleyAt('2026-03-07T17:30:00Z'); // 18:30 in Paris, after the 17:00 close
    const late = customer(saturdayEvening, 'airline-support', 'traveller-4');
    await late.say('hi');
    expect(texts(await late.say('agent'))[0]).toContain('back on Monday, March 9 at 8:00 AM (Paris time)');
    saturdayEvening.close();

    const christmas = parleyAt('2026-12-25T09:00:00Z'); // a Friday, but a holiday
    const festive = customer(christmas, 'airline-support', 'traveller-5');
    await festive.say('hi');
    expect(texts(await festive.say('agent'))[0]).toContain('back on Saturday, December 26 at 9:00 AM (Paris time)');
  });

  it('asks "Is there anything else?" once a person hands the conversation back', async () => {
    const p = parleyAt('2026-03-04T15:00:00Z');
    const chat = customer(p, 'airline-support', 'traveller-6');
    await chat.say('hi');
    await chat.say('My flight is late');
    await chat.tap('person');
    expect((await chat.say('Flight AZ1234, booking K7P2QX')).replies).toEqual([]);
    const released = await releaseConversation(p.deps, conversationIdOf(p, 'airline-support', 'traveller-6'), { by: 'agent-camille' });
    expect(released.ok).toBe(true);
    const [back] = (await chat.later()).slice(-1);
    expect(back?.reply.text).toBe('Is there anything else I can help you with?');
    expect(back?.reply.buttons?.map((b) => b.title)).toEqual(['Ask a question', "No, that's all"]);
    const bye = await chat.tap('done');
    expect(texts(bye)).toEqual(['Thank you for flying with Alizé. Bon voyage!']);
    expect(bye.ended).toBe(true);
  });
});
