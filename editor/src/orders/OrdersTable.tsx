import type { Order } from '../api/orders';
import { describeOptions, formatMoney } from '../catalog/rows';
import { shortId, when } from './format';
import { StatusBadge } from './StatusBadge';

/** The orders, newest first: what was bought (with the options chosen), the amount, where it stands, and its conversation. */
export function OrdersTable({ orders, selected, onOpenConversation }: { orders: readonly Order[]; selected?: string; onOpenConversation(order: Order, opener: HTMLButtonElement): void }) {
  return (
    <div className="table-scroll">
      <table className="table orders-table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Items</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
            <th scope="col">Conversation</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} data-order={order.id} className={order.id === selected ? 'selected' : undefined}>
              <td className="nowrap">
                <code title={order.id}>{shortId(order.id)}</code>
              </td>
              <td>
                <ul className="order-items">
                  {order.items.map((item, index) => (
                    <li key={index}>
                      <span>
                        {item.quantity} × {item.title}
                      </span>{' '}
                      {item.sku && <code>{item.sku}</code>}
                      {item.options && Object.keys(item.options).length > 0 && <span className="options">{describeOptions(item.options)}</span>}
                      {order.items.length > 1 && <span className="hint"> {formatMoney(item.unitPrice, order.currency)} each</span>}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num">{formatMoney(order.amount, order.currency)}</td>
              <td>
                <StatusBadge status={order.status} />
              </td>
              <td>{when(order.createdAt)}</td>
              <td>{order.updatedAt === order.createdAt ? <span className="hint">—</span> : when(order.updatedAt)}</td>
              <td>
                <button type="button" aria-label={`Transcript of order ${shortId(order.id)}`} aria-pressed={order.id === selected} onClick={(event) => onOpenConversation(order, event.currentTarget)}>
                  Transcript
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
