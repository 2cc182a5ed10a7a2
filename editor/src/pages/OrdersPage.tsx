import { useCallback, useEffect, useRef, useState } from 'react';
import { type Bot, getBot } from '../api/bots';
import { ORDER_LIMIT, ORDER_STATUSES, type Order, type OrderStatus, listOrders } from '../api/orders';
import { Alert } from '../components/Alert';
import { BotPageHead } from '../components/BotPageHead';
import { Link } from '../components/Link';
import { OrdersTable } from '../orders/OrdersTable';
import { TranscriptPanel } from '../orders/TranscriptPanel';
import { Webhooks } from '../orders/Webhooks';
import { botPath } from '../router';
import '../styles/commerce.css';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; bot: Bot };

const isStatus = (value: string): value is OrderStatus => ORDER_STATUSES.some((status) => status === value);

/** A bot's orders, newest first, each with the conversation that produced it; and its order webhooks. */
export function OrdersPage({ botId }: { botId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<Order | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    void getBot(botId).then((bot) => setLoaded(bot.ok ? { kind: 'ready', bot: bot.value } : { kind: 'failed', message: bot.error.message }));
  }, [botId]);
  const load = useCallback(async () => {
    const answer = await listOrders(botId, status || undefined);
    if (answer.ok) {
      setOrders(answer.value.orders);
      setError('');
    } else setError(answer.error.message);
  }, [botId, status]);
  useEffect(() => {
    void load();
  }, [load]);

  function close() {
    setOpen(null);
    // Back where the reader was.
    opener.current?.focus();
  }

  if (loaded.kind === 'loading') return <p className="page" aria-busy="true">Loading the orders…</p>;
  if (loaded.kind === 'failed')
    return (
      <section className="page">
        <h1>These orders cannot be opened</h1>
        <Alert>{loaded.message}</Alert>
        <p>
          <Link href="/">Back to your bots</Link>
        </p>
      </section>
    );

  return (
    <div className={open ? 'with-drawer' : undefined}>
      <section className="page wide">
        <BotPageHead botId={botId} botName={loaded.bot.name} section="orders" title="Orders">
          <label className="status-filter">
            Status
            <select value={status} onChange={(e) => setStatus(isStatus(e.target.value) ? e.target.value : '')}>
              <option value="">All</option>
              {ORDER_STATUSES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void load()}>
            Refresh
          </button>
        </BotPageHead>
        <Alert>{error}</Alert>
        {orders === null && !error && <p aria-busy="true">Loading orders…</p>}
        {orders?.length === 0 &&
          (status ? (
            <p className="empty-line">No {status} orders.</p>
          ) : (
            <div className="empty">
              <h2>No orders yet</h2>
              <p>
                An order opens when a customer reaches a Payment step and gets a payment link; it follows the payment (paid, cancelled, refunded). Publish a flow that sells, try it on the web channel, or{' '}
                <Link href={botPath(botId)}>open the flow</Link> to add Products and Payment steps.
              </p>
            </div>
          ))}
        {orders?.length === ORDER_LIMIT && <p className="hint">Only the latest {ORDER_LIMIT} orders are listed; filter by status to narrow them.</p>}
        {orders && orders.length > 0 && (
          <OrdersTable
            orders={orders}
            selected={open?.id}
            onOpenConversation={(order, button) => {
              opener.current = button;
              setOpen(order);
            }}
          />
        )}
        <Webhooks botId={botId} />
      </section>
      {open && <TranscriptPanel order={open} onClose={close} />}
    </div>
  );
}
