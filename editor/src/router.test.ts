// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { catalogPath, ordersPath, parseRoute } from './router';

describe('the editor routes', () => {
  it("reads a bot's catalog and orders pages, with ids as the paths write them", () => {
    expect(parseRoute(catalogPath('limited-edition'))).toEqual({ page: 'catalog', botId: 'limited-edition' });
    expect(parseRoute('/bots/limited-edition/orders/')).toEqual({ page: 'orders', botId: 'limited-edition' });
    expect(parseRoute(ordersPath('a b'))).toEqual({ page: 'orders', botId: 'a b' });
    expect(parseRoute('/bots/limited-edition')).toEqual({ page: 'editor', botId: 'limited-edition' });
    expect(parseRoute('/bots/limited-edition/channels')).toEqual({ page: 'channels', botId: 'limited-edition' });
    expect(parseRoute('/bots/limited-edition/stock')).toEqual({ page: 'missing', path: '/bots/limited-edition/stock' });
  });
});
