import type { ReactNode } from 'react';
import { botPath } from '../router';
import { type BotSection, BotNav } from './BotNav';
import { Link } from './Link';

/** The head of a bot's page beside the canvas: where you are (Bots / bot), the page's title, its sections. */
export function BotPageHead({ botId, botName, section, title, children }: { botId: string; botName: string; section: BotSection; title: string; children?: ReactNode }) {
  return (
    <header className="bot-page-head">
      <div className="bot-page-title">
        <p className="crumbs">
          <Link href="/">Bots</Link> / <Link href={botPath(botId)}>{botName}</Link>
        </p>
        <h1>{title}</h1>
      </div>
      <BotNav botId={botId} current={section} />
      {children && <div className="actions">{children}</div>}
    </header>
  );
}
