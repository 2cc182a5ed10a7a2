import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { WEBHOOK_EVENTS, type Webhook, createWebhook, deleteWebhook, listWebhooks } from '../api/orders';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';
import { Deliveries } from './Deliveries';
import { when } from './format';

/** The new webhook's secret, in this answer only: copied now, or never seen again. */
function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone(): void }) {
  const [copied, setCopied] = useState('');
  function copy() {
    if (!navigator.clipboard) return setCopied('Copy it by hand: select the secret above.');
    navigator.clipboard.writeText(secret).then(
      () => setCopied('Copied.'),
      () => setCopied('The browser did not let the page copy: select the secret above and copy it by hand.'),
    );
  }
  return (
    <div className="alert success secret-once" role="status">
      <p>
        Webhook added for <code>{url}</code>. Copy its signing secret now: it is shown only once. Your endpoint checks <code>X-Parley-Signature</code> with it.
      </p>
      <code className="secret" data-testid="webhook-secret">
        {secret}
      </code>
      <button type="button" onClick={copy}>
        Copy the secret
      </button>
      <button type="button" onClick={onDone}>
        I have kept it
      </button>
      {copied && <span aria-live="polite">{copied}</span>}
    </div>
  );
}

function AddWebhook({ botId, onAdded }: { botId: string; onAdded(webhook: Webhook, secret: string): void }) {
  const [url, setUrl] = useState('');
  const [all, setAll] = useState(true);
  const [events, setEvents] = useState<ReadonlySet<string>>(new Set(['order.paid']));
  const [error, setError] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!all && events.size === 0) return setError('Choose at least one event, or all of them.');
    const created = await createWebhook(botId, { url: url.trim(), events: all ? ['*'] : WEBHOOK_EVENTS.filter((name) => events.has(name)) });
    if (!created.ok) return setError(created.error.message);
    setError('');
    setUrl('');
    onAdded(created.value.webhook, created.value.secret);
  }
  return (
    <form className="webhook-form" onSubmit={submit}>
      <label className="url">
        Endpoint address
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://brand.example/parley" />
      </label>
      <fieldset className="events">
        <legend>Events</legend>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All order events
        </label>
        {!all &&
          WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                checked={events.has(name)}
                onChange={(e) => {
                  const next = new Set(events);
                  if (e.target.checked) next.add(name);
                  else next.delete(name);
                  setEvents(next);
                }}
              />{' '}
              <code>{name}</code>
            </label>
          ))}
      </fieldset>
      <button type="submit" className="primary" disabled={url.trim() === ''}>
        Add the webhook
      </button>
      <Alert>{error}</Alert>
    </form>
  );
}

/** The bot's webhooks: the brand's systems hear of every order change, signed with each webhook's secret. */
export function Webhooks({ botId }: { botId: string }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Webhook | null>(null);
  const load = useCallback(async () => {
    const answer = await listWebhooks(botId);
    if (answer.ok) setWebhooks(answer.value.webhooks);
    else setError(answer.error.message);
  }, [botId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function remove(webhook: Webhook) {
    const answer = await deleteWebhook(botId, webhook.id);
    if (!answer.ok) return setError(answer.error.message);
    setError('');
    await load();
  }

  return (
    <section className="webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="hint">
        Your shop's back office, ERP or CRM hears of every order change (created, paid, cancelled, refunded) as a signed <code>POST</code>. Failed deliveries are retried for about twenty minutes.
      </p>
      {created && <SecretOnce url={created.url} secret={created.secret} onDone={() => setCreated(null)} />}
      <AddWebhook
        botId={botId}
        onAdded={(webhook, secret) => {
          setCreated({ url: webhook.url, secret });
          void load();
        }}
      />
      <Alert>{error}</Alert>
      {webhooks?.length === 0 && <p className="empty-line">No webhooks yet. Add your endpoint's address above to hear of orders as they change.</p>}
      {webhooks && webhooks.length > 0 && (
        <ul className="webhook-list" aria-label="Webhooks">
          {webhooks.map((webhook) => (
            <li key={webhook.id} className="webhook">
              <div className="webhook-main">
                <code className="webhook-url">{webhook.url}</code>
                <p className="hint">
                  {webhook.events.includes('*') ? 'All order events' : webhook.events.join(', ')} · secret <code>{webhook.secretHint}</code> · added {when(webhook.createdAt)}
                </p>
              </div>
              <div className="actions">
                <button type="button" aria-expanded={expanded === webhook.id} onClick={() => setExpanded(expanded === webhook.id ? null : webhook.id)}>
                  Deliveries
                </button>
                <button type="button" className="danger" onClick={() => setRemoving(webhook)} aria-label={`Delete the webhook to ${webhook.url}`}>
                  Delete
                </button>
              </div>
              {expanded === webhook.id && <Deliveries botId={botId} hookId={webhook.id} />}
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <ConfirmDialog
          title="Delete this webhook?"
          message={
            <p>
              <code>{removing.url}</code> hears of no more orders; deliveries still waiting are not sent.
            </p>
          }
          confirm="Delete the webhook"
          danger
          onConfirm={() => void remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
