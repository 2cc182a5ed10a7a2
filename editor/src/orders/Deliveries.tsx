import { useCallback, useEffect, useState } from 'react';
import { type Delivery, listDeliveries } from '../api/orders';
import { Alert } from '../components/Alert';
import { when } from './format';
import { StatusBadge } from './StatusBadge';

/** A webhook's latest deliveries (newest first): delivered, waiting for a retry, or failed with the error. */
export function Deliveries({ botId, hookId }: { botId: string; hookId: string }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    const answer = await listDeliveries(botId, hookId);
    if (answer.ok) {
      setDeliveries(answer.value.deliveries);
      setError('');
    } else setError(answer.error.message);
  }, [botId, hookId]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="deliveries">
      <div className="deliveries-head">
        <h3>Latest deliveries</h3>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <Alert>{error}</Alert>
      {deliveries === null && !error && <p aria-busy="true">Loading…</p>}
      {deliveries?.length === 0 && <p className="empty-line">Nothing sent yet: a delivery is made for each order change this webhook listens to.</p>}
      {deliveries && deliveries.length > 0 && (
        <div className="table-scroll">
          <table className="table deliveries-table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Last error</th>
                <th scope="col">Queued</th>
                <th scope="col">Delivered / next try</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <code>{delivery.event}</code>
                  </td>
                  <td>
                    <StatusBadge status={delivery.status} />
                  </td>
                  <td className="num">{delivery.attempts}</td>
                  <td className="error-cell">{delivery.lastError ?? <span className="hint">—</span>}</td>
                  <td>{when(delivery.createdAt)}</td>
                  <td>{delivery.deliveredAt ? when(delivery.deliveredAt) : delivery.status === 'pending' ? `next try ${when(delivery.nextAttemptAt)}` : <span className="hint">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
