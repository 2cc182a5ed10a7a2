import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;
const json = async (response: Response | Promise<Response>) => (await response).json();

/** start → FAQ (no "helpful" question) → "Anything else?"; No match → "A person will answer". */
const flow = {
  schemaVersion: 2,
  id: 'hotel',
  name: 'Hotel',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'faq', type: 'faq', position: { x: 200, y: 0 }, data: { askHelpful: false } },
    { id: 'more', type: 'message', position: { x: 400, y: 0 }, data: { text: 'Anything else?' } },
    { id: 'human', type: 'message', position: { x: 400, y: 200 }, data: { text: 'A person will answer.' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'faq' },
    { id: 'e2', source: 'faq', sourceHandle: 'answered', target: 'more' },
    { id: 'e3', source: 'faq', sourceHandle: 'noMatch', target: 'human' },
  ],
  faq: [{ id: 'parking', question: 'Do you have parking?', alternatives: ['Where can I park my car?'], answer: { text: 'Yes, a garage at €25 a night.' } }],
};

const wifi = { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['wifi password'], answer: { text: 'Free: network "Harbor".' } };

beforeEach(async () => {
  parley = testParley();
  expect((await parley.request('POST', '/api/bots', { id: 'hotel', name: 'Hotel', flow })).status).toBe(201);
});
afterEach(() => parley.close());

const getFaq = () => json(parley.request('GET', '/api/bots/hotel/faq'));
const say = (conversationId: string, text: string) => json(parley.request('POST', '/webhooks/web/hotel', { conversationId, text }));
const publish = async () => expect((await parley.request('POST', '/api/bots/hotel/publish', { note: 'faq' })).status).toBe(200);

describe('FAQ table API', () => {
  it('reads and replaces the draft table, with revision checks, and Publish puts it live', async () => {
    const before = await getFaq();
    expect(before.faq.map((e: { id: string }) => e.id)).toEqual(['parking']);
    const saved = await parley.request('PUT', '/api/bots/hotel/faq', { faq: [...before.faq, wifi], revision: before.revision });
    expect(saved.status).toBe(200);
    const { revision, problems } = await saved.json();
    expect(revision).toBe(before.revision + 1);
    expect(problems).toEqual([]);
    // The flow's draft carries it: the canvas and the FAQ page edit one document.
    expect((await json(parley.request('GET', '/api/bots/hotel/flow'))).flow.faq).toHaveLength(2);

    const stale = await parley.request('PUT', '/api/bots/hotel/faq', { faq: [], revision: before.revision });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('edited_elsewhere');

    await publish();
    await say('c1', 'hi');
    expect((await say('c1', 'what is the wifi password')).replies.map((r: { text: string }) => r.text)).toEqual(['Free: network "Harbor".', 'Anything else?']);
  });

  it('names the row and field of a bad entry, and refuses repeated ids', async () => {
    const bad = await parley.request('PUT', '/api/bots/hotel/faq', { faq: [wifi, { ...wifi, id: 'x', answer: { text: 'ok', imageUrl: 'ftp://img' } }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_input', field: 'faq.1.answer.imageUrl' });
    const repeated = await parley.request('PUT', '/api/bots/hotel/faq', { faq: [wifi, wifi] });
    expect((await repeated.json()).error).toMatchObject({ code: 'invalid_faq', field: 'faq.1.id' });
    expect((await getFaq()).faq).toHaveLength(1);
  });

  it('keeps an unfinished entry in the draft and reports it as a problem', async () => {
    const saved = await json(parley.request('PUT', '/api/bots/hotel/faq', { faq: [...flow.faq, { id: 'gym', question: 'Is there a gym?', answer: { text: '' } }] }));
    expect(saved.problems).toMatchObject([{ code: 'faq-incomplete-entry', field: 'faq.1.answer.text' }]);
  });
});

describe('FAQ CSV', () => {
  const csv = (text: string, query = '') => parley.request('POST', `/api/bots/hotel/faq/import${query}`, text, { 'content-type': 'text/csv' });

  it('exports the table and imports it back unchanged', async () => {
    const rich = { ...wifi, tags: ['rooms', 'tech'], language: 'en', answer: { text: 'Free, "Harbor",\nsee card.', imageUrl: 'https://img.test/w.png', buttons: [{ title: 'Help', url: 'https://help.test/?a=1' }, { title: 'Agent', payload: 'agent' }] } };
    await parley.request('PUT', '/api/bots/hotel/faq', { faq: [...flow.faq, rich] });
    const exported = await parley.request('GET', '/api/bots/hotel/faq.csv');
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const text = await exported.text();
    expect(text.split('\r\n')[0]).toBe('id,question,alternatives,answer,buttons,imageUrl,tags,language,enabled');
    const before = (await getFaq()).faq;
    const imported = await csv(text, '?mode=replace');
    expect(await imported.json()).toMatchObject({ added: 0, updated: 2 });
    expect((await getFaq()).faq).toEqual(before);
  });

  it('exports cells a spreadsheet would run as formulas behind an apostrophe, and imports them back as written', async () => {
    const risky = { id: 'sum', question: '=SUM(A1:A9)', alternatives: ['+1 555 0100', '@home'], answer: { text: '-5% off tonight' } };
    await parley.request('PUT', '/api/bots/hotel/faq', { faq: [risky] });
    const text = await (await parley.request('GET', '/api/bots/hotel/faq.csv')).text();
    expect(text.split('\r\n')[1]).toBe("sum,'=SUM(A1:A9),'+1 555 0100 | @home,'-5% off tonight,,,,,true");
    const before = (await getFaq()).faq;
    expect(await (await csv(text, '?mode=replace')).json()).toMatchObject({ updated: 1 });
    expect((await getFaq()).faq).toEqual(before);
  });

  it('merges by id, gives rows without id one, and reports every bad row with nothing imported', async () => {
    const bad = await csv(['question,answer,enabled,buttons', 'Is there a gym?,,yes,', ',Some answer,maybe,', 'Pool?,Open 7-22,true,Book it'].join('\n'));
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe('invalid_faq');
    expect(error.details).toEqual([
      { row: 1, field: 'answer', message: 'every entry needs its answer' },
      { row: 2, field: 'enabled', message: 'enabled must be true or false, not "maybe"' },
      { row: 2, field: 'question', message: 'every entry needs its question' },
      { row: 3, field: 'buttons', message: 'write each button as "Title => payload" or "Title => https://link", not "Book it"' },
    ]);
    expect((await getFaq()).faq).toHaveLength(1);

    const good = await csv(['id,question,answer,tags', 'parking,Is there parking?,"Yes, €25.",', ',Is there a gym?,Open all day.,spa | gym'].join('\n'));
    expect(await good.json()).toMatchObject({ added: 1, updated: 1 });
    expect((await getFaq()).faq).toMatchObject([
      { id: 'parking', question: 'Is there parking?', answer: { text: 'Yes, €25.' } },
      { id: 'is-there-a-gym', question: 'Is there a gym?', tags: ['spa', 'gym'], enabled: true },
    ]);
  });

  it('refuses a header it does not know and a body that is not CSV', async () => {
    expect((await json(csv('question,answer,colour\nA?,B'))).error).toMatchObject({ code: 'invalid_csv' });
    expect((await parley.request('POST', '/api/bots/hotel/faq/import', { faq: [] })).status).toBe(415);
  });
});

describe('unanswered questions', () => {
  it('groups what customers asked without an answer, and a dismissed group returns only when asked again', async () => {
    await publish();
    const ask = async (id: string, text: string) => {
      await say(id, 'hi');
      return say(id, text);
    };
    await ask('a', 'Do you have a GYM?');
    await ask('b', 'do you have a gym');
    await ask('c', 'Is there a sauna?');
    await ask('d', 'Where can I park my car?'); // answered: not listed
    const { groups } = await json(parley.request('GET', '/api/bots/hotel/faq/unanswered'));
    expect(groups.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['do you have a gym', 2],
      ['is there a sauna', 1],
    ]);
    expect(groups[0].examples).toEqual(['do you have a gym', 'Do you have a GYM?']);

    const dismissed = await parley.request('POST', '/api/bots/hotel/faq/unanswered/dismiss', { key: 'do you have a gym' });
    expect(dismissed.status).toBe(200);
    expect((await json(parley.request('GET', '/api/bots/hotel/faq/unanswered'))).groups.map((g: { key: string }) => g.key)).toEqual(['is there a sauna']);
    expect((await parley.request('POST', '/api/bots/hotel/faq/unanswered/dismiss', { key: 'do you have a gym' })).status).toBe(404);

    await ask('e', 'do you have a gym??');
    const again = (await json(parley.request('GET', '/api/bots/hotel/faq/unanswered'))).groups;
    expect(again.find((g: { key: string }) => g.key === 'do you have a gym')).toMatchObject({ count: 1, examples: ['do you have a gym??'] });
  });
});
