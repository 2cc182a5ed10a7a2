import { botPath, catalogPath, channelsPath, faqPath, ordersPath } from '../router';
import { Link } from './Link';

export type BotSection = 'flow' | 'catalog' | 'orders' | 'faq' | 'channels';

/** A bot's own pages: its flow (the canvas), its catalog, its orders and webhooks, its FAQ. */
export function BotNav({ botId, current }: { botId: string; current: BotSection }) {
  const links: { section: BotSection; href: string; label: string }[] = [
    { section: 'flow', href: botPath(botId), label: 'Flow' },
    { section: 'catalog', href: catalogPath(botId), label: 'Catalog' },
    { section: 'orders', href: ordersPath(botId), label: 'Orders' },
    { section: 'faq', href: faqPath(botId), label: 'FAQ' },
    { section: 'channels', href: channelsPath(botId), label: 'Channels' },
  ];
  return (
    <nav className="bot-nav" aria-label="This bot">
      {links.map((link) => (
        <Link key={link.section} href={link.href} aria-current={current === link.section ? 'page' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
