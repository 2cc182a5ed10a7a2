// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { catalogPath, faqPath, inboxPath, ordersPath, parseRoute } from './router';

describe('the editor routes', () => {
  it("reads a bot's catalog and orders pages, with ids as the paths write them", () => {
    expect(parseRoute(catalogPath('limited-edition'))).toEqual({ page: 'catalog', botId: 'limited-edition' });
    expect(parseRoute('/bots/limited-edition/orders/')).toEqual({ page: 'orders', botId: 'limited-edition' });
    expect(parseRoute(ordersPath('a b'))).toEqual({ page: 'orders', botId: 'a b' });
    expect(parseRoute(faqPath('hotel concierge'))).toEqual({ page: 'faq', botId: 'hotel concierge' });
    expect(parseRoute('/bots/limited-edition')).toEqual({ page: 'editor', botId: 'limited-edition' });
    expect(parseRoute('/bots/limited-edition/channels')).toEqual({ page: 'channels', botId: 'limited-edition' });
    expect(parseRoute('/bots/limited-edition/stock')).toEqual({ page: 'missing', path: '/bots/limited-edition/stock' });
  });

  it('reads the inbox, with the open conversation in the path, and the teams and canned responses pages', () => {
    expect(parseRoute('/inbox')).toEqual({ page: 'inbox', handoffId: null });
    expect(parseRoute(inboxPath('h 1'))).toEqual({ page: 'inbox', handoffId: 'h 1' });
    expect(parseRoute('/inbox/h1/more')).toEqual({ page: 'missing', path: '/inbox/h1/more' });
    expect(parseRoute('/teams/')).toEqual({ page: 'teams' });
    expect(parseRoute('/canned-responses')).toEqual({ page: 'canned' });
  });
});
