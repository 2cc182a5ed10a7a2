/** Small DOM helpers: text always goes in as text, never as HTML (replies come from flows and customers). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only http(s) links and pictures, resolved against the page: a `javascript:` URL in a flow must not run on the host page. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens in a new tab, or plain text when the URL is not safe to follow. */
export function link(url: string | undefined, className: string, text: string): HTMLElement {
  const href = safeUrl(url);
  if (!href) return el('span', `${className} disabled`, text);
  const a = el('a', className, text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}
