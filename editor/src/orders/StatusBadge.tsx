/** An order's or a delivery's status, coloured by how it stands: done, waiting, or stopped. */
const TONE: Record<string, string> = {
  paid: 'ok',
  delivered: 'ok',
  pending: 'wait',
  cancelled: 'stop',
  failed: 'stop',
  refunded: 'muted',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status ${TONE[status] ?? 'muted'}`}>{status}</span>;
}
