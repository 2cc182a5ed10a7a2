import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HotelBookings, startHotelBookings } from '../../examples/servers/hotel-bookings';
import { type TestParley, buttonTitles, customer, handoffsOf, loadExample, testParley, texts } from './chat';

let parley: TestParley;
let bookings: HotelBookings | undefined;

beforeEach(() => {
  parley = testParley();
  loadExample(parley, 'hotel-concierge');
});
afterEach(async () => {
  parley.close();
  await bookings?.close();
  bookings = undefined;
});

/** A date `days` from today, as the booking system and the ask node write it. */
function isoIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Points the bot's bookingApiUrl at a booking system, through the admin API, and publishes. */
async function pointBookingApiAt(url: string): Promise<void> {
  const draft = (await (await parley.request('GET', '/api/bots/hotel-concierge/flow')).json()) as {
    flow: { variables: { name: string; default?: unknown }[] };
    revision: number;
  };
  const variable = draft.flow.variables.find((v) => v.name === 'bookingApiUrl');
  expect(variable?.default).toBe('http://localhost:4010');
  if (variable) variable.default = url;
  const saved = await parley.request('PUT', '/api/bots/hotel-concierge/flow', { flow: draft.flow, revision: draft.revision });
  expect(saved.status).toBe(200);
  expect(((await saved.json()) as { problems: unknown[] }).problems).toEqual([]);
  expect((await parley.request('POST', '/api/bots/hotel-concierge/publish', { note: 'booking system for tests' })).status).toBe(200);
}

/** Menu → availability → date → nights; returns the turn that answers with the result. */
async function askAvailability(guest: string, date: string, nights: string) {
  const chat = customer(parley, 'hotel-concierge', guest);
  await chat.say('hello');
  expect(texts(await chat.tap('availability', 'Check room availability'))).toEqual(['Which date would you like to arrive? For example 14/06/2026, or "tomorrow".']);
  expect(texts(await chat.say(date))).toEqual(['And how many nights will you stay?']);
  return { chat, result: await chat.say(nights) };
}

describe('hotel-concierge example', () => {
  it('greets with the menu and answers a question from the FAQ', async () => {
    const chat = customer(parley, 'hotel-concierge', 'guest-faq');
    const hello = await chat.say('hi');
    expect(texts(hello)[0]).toContain('welcome to Hotel Miradouro');
    expect(buttonTitles(hello)).toEqual(['Ask a question', 'Check room availability', 'Talk to the front desk']);
    expect(texts(await chat.tap('question', 'Ask a question'))).toEqual([expect.stringContaining('What would you like to know?')]);
    const answer = await chat.say('Is breakfast included in my rate?');
    expect(texts(answer)[0]).toMatch(/^Breakfast is served at Terraço/);
    // The FAQ asks whether the answer helped; "Yes" carries on where the flow goes after an answer.
    expect(buttonTitles(answer)).toEqual(['Yes', 'No']);
    expect(buttonTitles(await chat.tap('faq.helpful', 'Yes'))).toEqual(['Another question', 'Check availability', 'Main menu', "No, that's all"]);
    await chat.tap('another', 'Another question');
    const parking = await chat.say('where can i park?');
    expect(texts(parking)[0]).toContain('underground garage');
    await chat.tap('faq.helpful', 'Yes');
    const bye = await chat.tap('done');
    expect(bye.ended).toBe(true);
    expect(texts(bye)).toEqual(['Thank you for choosing Hotel Miradouro. Até já, and enjoy Lisbon!']);
  });

  it('offers the front desk when an answer did not help', async () => {
    const chat = customer(parley, 'hotel-concierge', 'guest-unhelped');
    await chat.say('hi');
    await chat.tap('question');
    await chat.say('What time is check-in?');
    const notHelped = await chat.tap('faq.not_helpful', 'No');
    expect(texts(notHelped)[0]).toContain('front desk');
    expect(buttonTitles(notHelped)).toContain('Yes, please');
  });

  it('offers the front desk for a question it cannot answer, and hands off', async () => {
    const chat = customer(parley, 'hotel-concierge', 'guest-casino');
    await chat.say('hi');
    await chat.tap('question');
    const unknown = await chat.say('Is there a casino nearby?');
    expect(texts(unknown)).toEqual(["I'm sorry, I don't have an answer to that one. Shall I pass your question to the front desk? Someone will reply right here."]);
    const handoff = await chat.tap('yes', 'Yes, please');
    expect(handoff.replies).toEqual([
      { type: 'handoff', text: "I'm connecting you with our front desk team. They'll reply right here, usually within a few minutes.", queue: 'front-desk' },
    ]);
    const [queued] = handoffsOf(parley, 'hotel-concierge', 'guest-casino');
    expect(queued).toMatchObject({ queue: 'front-desk', status: 'waiting' });
    expect(queued?.summary).toContain('Is there a casino nearby?');
    // A person has the conversation now: the bot stays quiet.
    expect((await chat.say('hello?')).replies).toEqual([]);
  });

  it('checks availability with the booking system and passes the booking to reservations', async () => {
    bookings = await startHotelBookings(0);
    await pointBookingApiAt(bookings.url);
    const date = isoIn(30);
    const { chat, result } = await askAvailability('guest-book', date, '3');
    const expected = await (await fetch(`${bookings.url}/availability?date=${date}&nights=3`)).json();
    expect(expected.available).toBe(24);
    expect(texts(result)).toEqual([
      `Good news! We have 24 rooms free from ${date} to ${expected.checkOut} (3 nights), from €${expected.price} a night for a Classic Double. Shall I ask our reservations team to hold one for you?`,
    ]);
    const booked = await chat.tap('book', 'Yes, book it');
    expect(booked.replies).toEqual([
      { type: 'handoff', text: "Wonderful! I've passed your request to our reservations team. They'll confirm your room right here shortly.", queue: 'reservations' },
    ]);
    const [request] = handoffsOf(parley, 'hotel-concierge', 'guest-book');
    expect(request).toMatchObject({ queue: 'reservations', priority: 'high', status: 'waiting' });
    expect(request?.summary).toBe(`Booking request: 3 nights from ${date} (check-out ${expected.checkOut}). 24 rooms free, from ${expected.price} EUR a night (Classic Double).`);
  });

  it('says sorry when the hotel is full, and refuses dates in the past', async () => {
    bookings = await startHotelBookings(0);
    await pointBookingApiAt(bookings.url);
    const date = isoIn(60);
    for (const type of bookings.inventory.roomTypes) expect(bookings.inventory.book({ date, nights: 1, roomType: type.id, rooms: type.rooms }).ok).toBe(true);
    const { chat, result } = await askAvailability('guest-full', date, '2');
    expect(texts(result)).toEqual([`I'm sorry, we're fully booked from ${date} for 2 nights. Would you like to try other dates?`]);
    expect(buttonTitles(result)).toEqual(['Try other dates', 'Talk to the front desk', 'Main menu']);
    // The night after is free: the next date works.
    await chat.tap('other-dates');
    await chat.say(isoIn(61));
    expect(texts(await chat.say('1'))[0]).toMatch(/^Good news! We have 24 rooms free/);

    const past = await askAvailability('guest-past', '01/01/2020', '2');
    expect(texts(past.result)).toEqual([
      "I can only look up stays that start today or later, up to a year ahead. Let's try another date.",
      'Which date would you like to arrive? For example 14/06/2026, or "tomorrow".',
    ]);
  });

  it('apologises and hands off to the front desk when the booking system is down', async () => {
    bookings = await startHotelBookings(0);
    await pointBookingApiAt(bookings.url);
    await bookings.close();
    bookings = undefined;
    const { result } = await askAvailability('guest-down', isoIn(10), '2');
    expect(result.replies).toEqual([
      { type: 'text', text: "I'm so sorry, I can't reach our booking system right now. Let me pass you to the front desk: they can check availability for you." },
      { type: 'handoff', text: "I'm connecting you with our front desk team. They'll reply right here, usually within a few minutes.", queue: 'front-desk' },
    ]);
  });
});
