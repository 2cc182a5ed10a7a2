import { readConfig } from './config';
import { mountWidget } from './widget';

// document.currentScript is only set while this script first runs.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : document.querySelector<HTMLScriptElement>('script[data-bot][src*="widget.js"]');

function start() {
  if (!script) return console.error('Parley widget: cannot find its <script> tag.');
  const read = readConfig(script);
  if (!read.ok) return console.error(read.error);
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {}
  document.body.append(mountWidget(read.config, storage));
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
