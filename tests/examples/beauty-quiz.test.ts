import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, buttonTitles, customer, handoffsOf, loadExample, pathOf, testParley, texts } from './chat';

let parley: TestParley;

beforeEach(() => {
  parley = testParley();
  loadExample(parley, 'beauty-quiz');
});
afterEach(() => parley.close());

/** Answers the three questions by tapping their buttons; returns the last turn (the picks). */
async function takeQuiz(chat: ReturnType<typeof customer>, skin: string, finish: string, budget: string) {
  const hello = await chat.say('hi');
  expect(texts(hello)[0]).toContain("I'm the Petal & Pine shade helper");
  expect(buttonTitles(hello)).toEqual(['Dry', 'Oily', 'Combination', 'Normal']);
  const second = await chat.tap(skin);
  expect(texts(second)).toEqual(['Which finish do you love?']);
  const third = await chat.tap(finish);
  expect(buttonTitles(third)).toEqual(['Under $30', '$30 to $60', 'Over $60']);
  return chat.tap(budget);
}

describe('beauty-quiz example', () => {
  it('recommends foundations, takes a test payment and thanks the customer', async () => {
    const chat = customer(parley, 'beauty-quiz', 'shopper-1');
    const picks = await takeQuiz(chat, 'dry', 'dewy', '30-to-60');
    expect(texts(picks)).toEqual([
      expect.stringContaining('Dry skin drinks up moisture'),
      'Here are my top picks for you (Dry skin · Dewy finish · $30 to $60):',
    ]);
    const cards = picks.replies.find((reply) => reply.type === 'cards')?.cards ?? [];
    // Ranked by how many answers each foundation matches (from the catalog's attributes), within the budget.
    expect(cards.map((card) => `${card.title} | ${card.subtitle}`)).toEqual([
      'Dewdrop Hydrating Foundation | $42 · medium coverage · for Dry and Dewy',
      'Rosewater Glow Fluid | $34 · light to medium coverage · for Dry and Dewy',
      'Cashmere Cream Foundation | $58 · full coverage · for Dry',
    ]);
    expect(cards[0]?.buttons).toEqual([
      { action: 'postback', title: 'Buy', payload: 'buy:PP-F01' },
      { action: 'url', title: 'Details', url: 'https://petalandpine.example/foundation/dewdrop-hydrating' },
    ]);

    const checkout = await chat.tap('buy:PP-F01', 'Buy');
    const payment = checkout.replies.find((reply) => reply.type === 'payment');
    expect(payment).toMatchObject({
      text: 'Lovely choice! Here is your secure checkout for Dewdrop Hydrating Foundation: 42 USD.',
      amount: 42,
      currency: 'USD',
      testMode: true,
    });
    const url = payment?.url ?? '';
    expect(url).toMatch(/^http:\/\/parley\.test\/checkout\/[\w-]+$/);
    expect(pathOf(url)).toBe(`/checkout/${payment?.paymentId}`);
    const before = await chat.later();
    const lastId = before.at(-1)?.id ?? 0;

    const paid = await parley.request('POST', `${pathOf(url)}/pay`);
    expect(paid.status).toBe(303);
    const after = await chat.later(lastId);
    expect(after).toHaveLength(1);
    const thanks = after[0]?.reply.text ?? '';
    expect(thanks).toContain('Thank you, your order is confirmed!');
    expect(thanks).toContain('Dewdrop Hydrating Foundation (dewy finish, medium coverage)');
    expect(thanks).toContain('Total paid: 42 USD');
    expect(thanks).toContain(`Order reference: ${payment?.paymentId}`);
  });

  it('offers to try again after a declined payment, and a fresh link works', async () => {
    const chat = customer(parley, 'beauty-quiz', 'shopper-2');
    await takeQuiz(chat, 'oily', 'matte', 'under-30');
    const checkout = await chat.say('Velvet Blur Oil-Free Fluid');
    const first = checkout.replies.find((reply) => reply.type === 'payment');
    expect(first?.amount).toBe(22);
    await parley.request('POST', `${pathOf(first?.url ?? '')}/decline`);
    const [declined] = await chat.later(0).then((messages) => messages.slice(-1));
    expect(declined?.reply.text).toBe("No worries, the payment didn't go through and you haven't been charged. What would you like to do?");
    expect(declined?.reply.buttons?.map((b) => b.title)).toEqual(['Try again', 'Talk to someone', 'Start over']);
    const retry = await chat.tap('retry', 'Try again');
    const second = retry.replies.find((reply) => reply.type === 'payment');
    expect(second?.paymentId).not.toBe(first?.paymentId);
    expect(second?.amount).toBe(22);
  });

  it('hands off to a beauty advisor when nothing matches, and on "agent"', async () => {
    const chat = customer(parley, 'beauty-quiz', 'shopper-3');
    const picks = await takeQuiz(chat, 'combination', 'matte', 'over-60');
    expect(picks.replies.map((reply) => reply.type)).toEqual(['text', 'text', 'handoff']);
    expect(texts(picks)[1]).toContain("I couldn't find a foundation that ticks all three boxes");
    expect(picks.replies[2]).toMatchObject({ type: 'handoff', queue: 'beauty-advisors' });
    expect(handoffsOf(parley, 'beauty-quiz', 'shopper-3').map((handoff) => handoff.summary)).toEqual(['Foundation quiz: Combination skin, Matte finish, budget Over $60. Product: none chosen.']);

    const other = customer(parley, 'beauty-quiz', 'shopper-4');
    await other.say('hello');
    const agent = await other.say('Agent');
    expect(agent.replies).toEqual([
      { type: 'handoff', text: "I'm connecting you with one of our beauty advisors. They'll reply right here, usually within a few minutes.", queue: 'beauty-advisors' },
    ]);
  });

  it('starts over on "menu"', async () => {
    const chat = customer(parley, 'beauty-quiz', 'shopper-5');
    await chat.say('hi');
    await chat.tap('combination');
    const menu = await chat.say('menu');
    expect(buttonTitles(menu)).toEqual(['Dry', 'Oily', 'Combination', 'Normal']);
  });
});
