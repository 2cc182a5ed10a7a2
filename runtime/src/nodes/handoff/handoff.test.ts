import type { Effect, Flow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { type TestChat, testChat, testFlow, texts } from '../../testing';

const parisHours = {
  timezone: 'Europe/Paris',
  weekly: {
    mon: [{ from: '09:00', to: '17:30' }],
    tue: [{ from: '09:00', to: '17:30' }],
    wed: [{ from: '09:00', to: '17:30' }],
    thu: [{ from: '09:00', to: '17:30' }],
    fri: [{ from: '09:00', to: '17:30' }],
  },
  holidays: ['2026-03-04'],
};

function handoffFlow(data: Record<string, unknown> = {}): Flow {
  return testFlow(
    [
      { id: 'start', type: 'start', data: { triggers: [{ id: 'menu', label: 'Menu', keywords: ['menu'] }] } },
      { id: 'agent', type: 'handoff', data },
      { id: 'back', type: 'message', data: { text: 'The bot is back.' } },
      { id: 'closed', type: 'message', data: { text: 'Closed ({{handoff.status}}).' } },
      { id: 'nobody', type: 'message', data: { text: 'Nobody: {{handoff.reason}}' } },
      { id: 'menu', type: 'message', data: { text: 'Main menu' } },
    ],
    [
      ['start', 'next', 'agent'],
      ['start', 'menu', 'menu'],
      ['agent', 'released', 'back'],
      ['agent', 'outOfHours', 'closed'],
      ['agent', 'noAgent', 'nobody'],
    ],
  );
}

function handoffEffect(chat: TestChat): Extract<Effect, { kind: 'handoff' }> {
  const effect = chat.last?.effects[0];
  if (effect?.kind !== 'handoff') throw new Error('expected a handoff effect');
  return effect;
}

/** Plays the server: the inbox accepted (or refused) the conversation. */
function answer(chat: TestChat, result: { accepted: boolean; reason?: string; outOfHours?: { nextOpening: string | null; timezone: string } }) {
  return chat.send({ kind: 'effect', effectId: handoffEffect(chat).id, ok: true, result });
}

const at = (iso: string) => () => new Date(iso);

describe('handoff node', () => {
  it('asks the server to route the conversation, with a summary and the variables', () => {
    const chat = testChat(handoffFlow({ queue: 'billing', priority: 'high' }), { initialVars: { name: 'Ana', order: { id: 'A-17', total: 44 } } });
    expect(chat.say('I need a human')).toEqual([]);
    expect(handoffEffect(chat)).toEqual({
      kind: 'handoff',
      id: expect.stringMatching(/^handoff-/),
      queue: 'billing',
      priority: 'high',
      summary: 'name: Ana\norder: {"id":"A-17","total":44}',
      vars: { name: 'Ana', order: { id: 'A-17', total: 44 } },
    });
    expect(chat.session).toMatchObject({ waitingAt: 'agent', silent: false, state: { phase: 'requesting', effectId: handoffEffect(chat).id } });
  });

  it("puts the customer's last FAQ question first and leaves the nodes' bookkeeping out of the default summary", () => {
    const faq = { question: 'Is there a casino nearby?', matchId: null, score: 0.1, suggestions: ['spa'] };
    const chat = testChat(handoffFlow(), { initialVars: { faq, guests: 2 } });
    chat.say('a person please');
    expect(handoffEffect(chat).summary).toBe('Asked: Is there a casino nearby?\nguests: 2');
  });

  it('renders a configured summary', () => {
    const chat = testChat(handoffFlow({ summary: '{{name}} asks about {{topic | something}}' }), { initialVars: { name: 'Ana' } });
    chat.say('help');
    expect(handoffEffect(chat).summary).toBe('Ana asks about something');
  });

  it('tells the customer once accepted, then stays silent until released', () => {
    const chat = testChat(handoffFlow());
    chat.say('agent please');
    const accepted = answer(chat, { accepted: true });
    expect(accepted.replies).toEqual([{ type: 'handoff', text: "I'm connecting you with a member of our team. They'll reply here.", queue: 'support' }]);
    expect(accepted.events).toContainEqual({ type: 'handoff.requested', nodeId: 'agent', data: { queue: 'support', priority: 'normal' } });
    expect(chat.session?.silent).toBe(true);
    expect(chat.vars.handoff).toEqual({ queue: 'support', status: 'accepted' });

    expect(chat.say('hello?')).toEqual([]);
    expect(chat.say('menu')).toEqual([]);
    expect(chat.send({ kind: 'timer', timerId: 't1' }).replies).toEqual([]);
    expect(chat.session).toMatchObject({ silent: true, waitingAt: 'agent' });

    const back = chat.send({ kind: 'released', by: 'agent-7' });
    expect(texts(back.replies)).toEqual(['The bot is back.']);
    expect(back.events).toContainEqual({ type: 'handoff.released', nodeId: 'agent', data: { queue: 'support', by: 'agent-7' } });
    expect(chat.vars.handoff).toEqual({ queue: 'support', status: 'released' });
    expect(chat.session?.silent).toBe(false);
  });

  it('ignores the customer and other results while waiting for the inbox', () => {
    const chat = testChat(handoffFlow());
    chat.say('agent');
    const effectId = handoffEffect(chat).id;
    expect(chat.say('anyone?')).toEqual([]);
    expect(chat.send({ kind: 'effect', effectId: 'http-x', ok: true, result: { accepted: true } }).replies).toEqual([]);
    expect(chat.session).toMatchObject({ silent: false, state: { phase: 'requesting', effectId } });
    expect(texts(chat.say('menu'))).toEqual(['Main menu']);
  });

  it('takes "noAgent" when nobody takes the conversation or the hand-off fails', () => {
    const refused = testChat(handoffFlow());
    refused.say('agent');
    expect(texts(answer(refused, { accepted: false, reason: 'queue full' }).replies)).toEqual(['Nobody: queue full']);
    expect(refused.vars.handoff).toEqual({ queue: 'support', status: 'no_agent', reason: 'queue full' });
    expect(refused.last?.events).toContainEqual(expect.objectContaining({ type: 'handoff.no_agent' }));

    const failed = testChat(handoffFlow());
    failed.say('agent');
    const turn = failed.send({ kind: 'effect', effectId: handoffEffect(failed).id, ok: false, error: 'inbox unreachable' });
    expect(texts(turn.replies)).toEqual(['Nobody: inbox unreachable']);
    expect(failed.vars.handoff).toMatchObject({ status: 'no_agent' });
  });

  it('hands off during business hours (Monday 11:00 in Paris)', () => {
    const chat = testChat(handoffFlow({ businessHours: parisHours }), { now: at('2026-03-02T10:00:00Z') });
    chat.say('agent');
    expect(handoffEffect(chat).queue).toBe('support');
  });

  it('takes "outOfHours" with the next opening when closed', () => {
    const flow = handoffFlow({
      businessHours: parisHours,
      outOfHoursText: 'We are closed. Back {{handoff.nextOpeningText}} ({{handoff.nextOpening}}).',
    });
    // Saturday 7 March, 11:00 in Paris.
    const chat = testChat(flow, { now: at('2026-03-07T10:00:00Z') });
    const turn = chat.send({ kind: 'text', text: 'agent' });
    expect(turn.effects).toEqual([]);
    expect(texts(turn.replies)).toEqual(['We are closed. Back Monday, March 9 at 9:00 AM (2026-03-09T08:00:00.000Z).', 'Closed (out_of_hours).']);
    expect(chat.vars.handoff).toMatchObject({ queue: 'support', status: 'out_of_hours', nextOpening: '2026-03-09T08:00:00.000Z' });
    expect(turn.events).toContainEqual({ type: 'handoff.out_of_hours', nodeId: 'agent', data: { queue: 'support', nextOpening: '2026-03-09T08:00:00.000Z' } });
  });

  it('is closed on holidays and sends nothing itself without an out-of-hours text', () => {
    // Wednesday 4 March is a holiday; Thursday opens at 09:00 Paris time.
    const chat = testChat(handoffFlow({ businessHours: parisHours }), { now: at('2026-03-04T10:00:00Z') });
    expect(texts(chat.say('agent'))).toEqual(['Closed (out_of_hours).']);
    expect(chat.vars.handoff).toMatchObject({ nextOpening: '2026-03-05T08:00:00.000Z' });
  });

  it("reads the hours on the business's clock, else the flow's time zone", () => {
    const newYork = { ...parisHours, timezone: 'America/New_York' };
    // Monday 10:00 UTC is 05:00 in New York.
    const early = testChat(handoffFlow({ businessHours: newYork }), { now: at('2026-03-02T10:00:00Z') });
    early.say('agent');
    expect(early.vars.handoff).toMatchObject({ status: 'out_of_hours', nextOpening: '2026-03-02T14:00:00.000Z' });

    const noZone = { weekly: parisHours.weekly };
    const base = handoffFlow({ businessHours: noZone });
    const tokyoFlow: Flow = { ...base, settings: { ...base.settings, timezone: 'Asia/Tokyo', locale: 'fr' } };
    // Monday 10:00 UTC is 19:00 in Tokyo: closed until Tuesday 09:00 (00:00 UTC).
    const tokyo = testChat(tokyoFlow, { now: at('2026-03-02T10:00:00Z') });
    tokyo.say('agent');
    expect(tokyo.vars.handoff).toMatchObject({ nextOpening: '2026-03-03T00:00:00.000Z', nextOpeningText: expect.stringMatching(/^mardi 3 mars à 0?9:00$/) });
  });

  it('has no next opening when the team never works', () => {
    const chat = testChat(handoffFlow({ businessHours: { timezone: 'UTC', weekly: {} } }));
    chat.say('agent');
    expect(chat.vars.handoff).toEqual({ queue: 'support', status: 'out_of_hours', nextOpening: null, nextOpeningText: '' });
  });

  it("queues out of the team's hours when the server says so, then stays silent until released", () => {
    const chat = testChat(handoffFlow({ queue: 'billing' }));
    chat.say('agent');
    const turn = answer(chat, { accepted: true, outOfHours: { nextOpening: '2026-03-09T08:00:00.000Z', timezone: 'Europe/Paris' } });
    expect(turn.replies).toEqual([{ type: 'handoff', text: "Our team is away right now. Your conversation is queued and they'll reply here Monday, March 9 at 9:00 AM.", queue: 'billing' }]);
    expect(chat.vars.handoff).toEqual({ queue: 'billing', status: 'out_of_hours', queued: true, nextOpening: '2026-03-09T08:00:00.000Z', nextOpeningText: 'Monday, March 9 at 9:00 AM' });
    expect(turn.events).toContainEqual({ type: 'handoff.out_of_hours', nodeId: 'agent', data: { queue: 'billing', nextOpening: '2026-03-09T08:00:00.000Z', queued: true } });
    // With people: the customer's messages and keywords get no bot answer until a person releases it.
    expect(chat.say('hello?')).toEqual([]);
    expect(chat.say('menu')).toEqual([]);
    expect(chat.session).toMatchObject({ silent: true, waitingAt: 'agent' });
    expect(texts(chat.send({ kind: 'released', by: 'agent-2' }).replies)).toEqual(['The bot is back.']);
  });

  it("says the node's own out-of-hours text with the team's opening, or its usual text when the flow just said it", () => {
    const own = testChat(handoffFlow({ outOfHoursText: 'Closed. Back {{handoff.nextOpeningText}}.' }));
    own.say('agent');
    expect(texts(answer(own, { accepted: true, outOfHours: { nextOpening: '2026-03-09T08:00:00.000Z', timezone: 'America/New_York' } }).replies)).toEqual(['Closed. Back Monday, March 9 at 4:00 AM.']);

    const told = testChat(handoffFlow({ text: 'Queued for the morning.' }), {
      initialVars: { handoff: { queue: 'support', status: 'out_of_hours', nextOpening: '2026-03-09T08:00:00.000Z' } },
      now: at('2026-03-07T10:00:00Z'),
    });
    told.say('agent');
    expect(texts(answer(told, { accepted: true, outOfHours: { nextOpening: null, timezone: 'UTC' } }).replies)).toEqual(['Queued for the morning.']);
    expect(told.vars.handoff).toMatchObject({ nextOpening: null, nextOpeningText: '' });

    // Told about an opening that has passed since: the customer hears the out-of-hours notice again.
    const stale = testChat(handoffFlow({ text: 'Queued for the morning.' }), {
      initialVars: { handoff: { queue: 'support', status: 'out_of_hours', nextOpening: '2026-03-02T08:00:00.000Z' } },
      now: at('2026-03-07T10:00:00Z'),
    });
    stale.say('agent');
    expect(texts(answer(stale, { accepted: true, outOfHours: { nextOpening: null, timezone: 'UTC' } }).replies)).toEqual([
      "Our team is away right now. Your conversation is queued and they'll reply here as soon as they are back.",
    ]);
  });

  it('ends the session when the person closes the conversation', () => {
    const chat = testChat(handoffFlow());
    chat.say('agent');
    const effectId = handoffEffect(chat).id;
    answer(chat, { accepted: true });
    expect(chat.send({ kind: 'effect', effectId: 'other', ok: true, result: { end: true } }).replies).toEqual([]);
    expect(chat.session?.status).toBe('active');
    const ended = chat.send({ kind: 'effect', effectId, ok: true, result: { end: true } });
    expect(ended.replies).toEqual([]);
    expect(ended.events).toContainEqual({ type: 'handoff.ended', nodeId: 'agent', data: { queue: 'support' } });
    expect(chat.session?.status).toBe('ended');
    // The next message starts over with the bot.
    expect(texts(chat.say('menu'))).toEqual(['Main menu']);
  });

  it('explains a config that cannot work', () => {
    expect(() => testChat(handoffFlow({ priority: 'asap' }))).toThrow('priority');
    expect(() => testChat(handoffFlow({ businessHours: { timezone: 'Paris', weekly: {} } }))).toThrow('the time zone must be an IANA name');
    expect(() => testChat(handoffFlow({ businessHours: { weekly: { mon: [{ from: '17:00', to: '09:00' }] } } }))).toThrow(
      'the closing time must come after the opening time',
    );
  });
});
