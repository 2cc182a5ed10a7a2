import { useEffect, useState } from 'react';
import { type Bot, getBot } from '../api/bots';
import { Alert } from '../components/Alert';
import { BotPageHead } from '../components/BotPageHead';
import { type ChannelConnection, listChannels } from '../channels/api';
import { ChannelCard } from '../channels/ChannelCard';
import '../channels/channels.css';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; bot: Bot; channels: ChannelConnection[] };

/** A bot's messaging apps: connected ones first, each with its webhook URL and form. */
export function ChannelsPage({ botId }: { botId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    void Promise.all([getBot(botId), listChannels(botId)]).then(([bot, list]) => {
      if (!bot.ok) return setLoaded({ kind: 'failed', message: bot.error.message });
      if (!list.ok) return setLoaded({ kind: 'failed', message: list.error.message });
      setLoaded({ kind: 'ready', bot: bot.value, channels: list.value.channels });
    });
  }, [botId]);

  if (loaded.kind === 'loading') return <p className="page" aria-busy="true">Loading the channels…</p>;
  if (loaded.kind === 'failed')
    return (
      <section className="page">
        <h1>These channels cannot be opened</h1>
        <Alert>{loaded.message}</Alert>
      </section>
    );

  const replace = (channel: string, next: ChannelConnection | null) =>
    setLoaded((current) => {
      if (current.kind !== 'ready') return current;
      const channels = current.channels.map((item) => (item.channel !== channel ? item : (next ?? { ...item, connected: false, enabled: true, config: null, unreadable: [], updatedAt: null })));
      return { ...current, channels };
    });
  const ordered = [...loaded.channels].sort((a, b) => Number(b.connected) - Number(a.connected));
  return (
    <section className="page wide">
      <BotPageHead botId={botId} botName={loaded.bot.name} section="channels" title="Channels" />
      <p>Connect the bot to messaging apps: paste the webhook URL into the app's settings, then enter the tokens it gives you. Secrets are stored encrypted and never shown again.</p>
      <div className="channel-list">
        {ordered.map((connection) => (
          <ChannelCard key={connection.channel} botId={botId} connection={connection} onChange={(next) => replace(connection.channel, next)} />
        ))}
      </div>
    </section>
  );
}
