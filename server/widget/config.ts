import { safeUrl } from './dom';

export interface WidgetConfig {
  /** Where Parley answers: the folder widget.js was loaded from. */
  server: string;
  botId: string;
  title: string;
  greeting: string;
  color: string;
  logoUrl: string | undefined;
  position: 'left' | 'right';
}

const DEFAULT_COLOR = '#4f46e5';

/** A colour the page's author gave, if the browser takes it as one: anything else would break the CSS. */
function colour(value: string | undefined): string {
  if (!value) return DEFAULT_COLOR;
  if (typeof CSS !== 'undefined' && typeof CSS.supports === 'function') return CSS.supports('color', value) ? value : DEFAULT_COLOR;
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : DEFAULT_COLOR;
}

/** Reads the `<script data-…>` attributes; a missing `data-bot` is the one thing that stops the widget. */
export function readConfig(script: HTMLScriptElement): { ok: true; config: WidgetConfig } | { ok: false; error: string } {
  const data = script.dataset;
  const botId = data.bot?.trim() ?? '';
  if (!/^[a-z0-9-]{2,63}$/.test(botId)) return { ok: false, error: 'Parley widget: set data-bot to the bot id (lowercase letters, digits, dashes).' };
  const server = (data.server ?? new URL('.', script.src || document.baseURI).href).replace(/\/+$/, '');
  return {
    ok: true,
    config: {
      server,
      botId,
      title: data.title?.trim() || 'Chat with us',
      greeting: data.greeting?.trim() ?? 'Hi! How can we help?',
      color: colour(data.color?.trim()),
      logoUrl: safeUrl(data.logo),
      position: data.position === 'left' ? 'left' : 'right',
    },
  };
}
