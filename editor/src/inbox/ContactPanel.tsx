import type { InboxDetail } from '@parley/shared';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Who the customer is, what the bot learned, and why it handed over. */
export function ContactPanel({ detail }: { detail: InboxDetail }) {
  const variables = Object.entries(detail.variables);
  return (
    <aside className="contact-panel" aria-label="Customer">
      <section>
        <h3>Hand-off</h3>
        <p className="handoff-summary">{detail.item.summary || 'No summary given.'}</p>
      </section>
      <section>
        <h3>Customer</h3>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{detail.profile.name ?? 'unknown'}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{detail.profile.language ?? 'unknown'}</dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{detail.profile.channel}</dd>
          </div>
          <div>
            <dt>Id</dt>
            <dd>
              <code>{detail.profile.externalKey}</code>
            </dd>
          </div>
        </dl>
      </section>
      <section>
        <h3>Variables</h3>
        {variables.length === 0 ? (
          <p className="hint">None yet.</p>
        ) : (
          <dl className="facts variables">
            {variables.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{show(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </aside>
  );
}
