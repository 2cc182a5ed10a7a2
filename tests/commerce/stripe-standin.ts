import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * A local stand-in for Stripe's API, speaking its documented wire format: form-encoded requests
 * with a secret key, JSON objects back, idempotency keys honoured, errors as
 * `{ error: { type, message, param } }`. It also builds webhook events and signs them the way
 * Stripe does (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`).
 */
export interface StandinSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  url: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  currency: string;
  amount_total: number;
  expires_at: number;
  payment_intent: string | null;
  line_items: { name: string; quantity: number; unit_amount: number; description?: string }[];
}

/** `a[b][0][c]=x` form fields into nested objects and arrays, as Stripe reads them. */
function parseForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else {
        const child = node[part];
        const next: Record<string, unknown> = typeof child === 'object' && child !== null ? record(child) : {};
        node[part] = next;
        node = next;
      }
    });
  }
  return root;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {});

export async function startStripeStandin(options: { secretKey: string; now: () => Date }) {
  const sessions = new Map<string, StandinSession>();
  const byIdempotencyKey = new Map<string, string>();
  const requests: { path: string; form: Record<string, unknown> }[] = [];
  let counter = 0;
  let failNext = 0;

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const reply = (status: number, json: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const invalid = (message: string, param?: string) => reply(400, { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } });
      if (request.headers.authorization !== `Bearer ${options.secretKey}`) return reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      if (request.method !== 'POST' || request.url !== '/v1/checkout/sessions') return reply(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${request.url})` } });
      if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return invalid('Stripe takes form-encoded bodies');
      if (failNext > 0) {
        failNext--;
        return reply(500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      const again = key ? byIdempotencyKey.get(key) : undefined;
      if (again) return reply(200, sessions.get(again));
      const form = parseForm(body);
      requests.push({ path: request.url, form });
      if (form.mode !== 'payment') return invalid('mode must be payment', 'mode');
      if (typeof form.success_url !== 'string') return invalid('Missing required param: success_url.', 'success_url');
      const expiresAt = Number(form.expires_at);
      const now = Math.floor(options.now().getTime() / 1000);
      if (!(expiresAt >= now + 1800 && expiresAt <= now + 86400)) return invalid('The `expires_at` timestamp must be between 30 minutes and 24 hours from now.', 'expires_at');
      const lines = Object.values(record(form.line_items)).map(record);
      if (lines.length === 0) return invalid('line_items is required in payment mode', 'line_items');
      const currencies = new Set<string>();
      const items = [];
      for (const [i, line] of lines.entries()) {
        const price = record(line.price_data);
        const product = record(price.product_data);
        const unit = Number(price.unit_amount);
        if (!Number.isInteger(unit) || unit < 0) return invalid('Invalid integer: unit_amount', `line_items[${i}][price_data][unit_amount]`);
        if (!/^[a-z]{3}$/.test(String(price.currency))) return invalid('Invalid currency', `line_items[${i}][price_data][currency]`);
        currencies.add(String(price.currency));
        items.push({ name: String(product.name), quantity: Number(line.quantity), unit_amount: unit, ...(product.description ? { description: String(product.description) } : {}) });
      }
      if (currencies.size !== 1) return invalid('All line items must share one currency', 'line_items');
      const id = `cs_test_${++counter}`;
      const session: StandinSession = {
        id,
        object: 'checkout.session',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        url: `${base}/c/pay/${id}`,
        client_reference_id: typeof form.client_reference_id === 'string' ? form.client_reference_id : null,
        metadata: Object.fromEntries(Object.entries(record(form.metadata)).map(([k, v]) => [k, String(v)])),
        currency: [...currencies][0] ?? '',
        amount_total: items.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0),
        expires_at: expiresAt,
        payment_intent: null,
        line_items: items,
      };
      sessions.set(id, session);
      if (key) byIdempotencyKey.set(key, id);
      reply(200, session);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

  let eventCounter = 0;
  const event = (type: string, object: unknown) =>
    JSON.stringify({ id: `evt_test_${++eventCounter}`, object: 'event', api_version: '2025-01-01', created: Math.floor(options.now().getTime() / 1000), type, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object } });

  return {
    url: base,
    sessions,
    requests,
    /** The next `count` session creations answer 500, as Stripe does on an internal error. */
    failNext: (count: number) => void (failNext = count),
    close: () => server.close(),
    /** The customer paid on Stripe's page: the event Stripe sends. */
    completed(id: string): string {
      const session = sessions.get(id);
      if (!session) throw new Error(`no session ${id}`);
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: `pi_test_${id.slice(8)}` });
      return event('checkout.session.completed', session);
    },
    expired(id: string): string {
      const session = sessions.get(id);
      if (!session) throw new Error(`no session ${id}`);
      Object.assign(session, { status: 'expired' });
      return event('checkout.session.expired', session);
    },
    refunded(id: string): string {
      const session = sessions.get(id);
      if (!session?.payment_intent) throw new Error(`session ${id} was not paid`);
      return event('charge.refunded', { id: `ch_test_${id.slice(8)}`, object: 'charge', payment_intent: session.payment_intent, amount: session.amount_total, amount_refunded: session.amount_total, refunded: true, currency: session.currency });
    },
    /** Signs a payload as Stripe signs its webhooks. */
    sign(payload: string, secret: string, at = options.now()): string {
      const t = Math.floor(at.getTime() / 1000);
      return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`;
    },
  };
}
