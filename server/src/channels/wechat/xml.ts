/**
 * WeChat's messages are flat XML: `<xml>` holding elements whose text is plain or CDATA. Read with a
 * pattern, never a general XML parser, so entities and DTDs (XXE) have no meaning here.
 */
export function readXml(text: string): Record<string, string> | undefined {
  const root = /^\s*<xml>([\s\S]*)<\/xml>\s*$/.exec(text);
  if (!root) return undefined;
  const fields: Record<string, string> = {};
  for (const match of (root[1] ?? '').matchAll(/<([A-Za-z_][\w.-]*)>([\s\S]*?)<\/\1>/g)) {
    const [, name, raw] = match;
    const value = raw === undefined ? undefined : textOf(raw);
    // Nested elements (menu event details) are not read.
    if (name !== undefined && value !== undefined) fields[name] = value;
  }
  return fields;
}

const CDATA_OPEN = '<![CDATA[';

/** An element's text: CDATA sections (one, or several back to back) or escaped text; undefined for elements. */
function textOf(raw: string): string | undefined {
  if (!raw.startsWith(CDATA_OPEN)) return raw.includes('<') ? undefined : raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  let rest = raw;
  let text = '';
  while (rest.startsWith(CDATA_OPEN)) {
    const end = rest.indexOf(']]>');
    if (end === -1) return undefined;
    text += rest.slice(CDATA_OPEN.length, end);
    rest = rest.slice(end + 3);
  }
  return rest === '' ? text : undefined;
}

/** `]]>` cannot appear inside CDATA: it is split across two sections. */
const cdata = (value: string) => `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Flat XML, strings as CDATA and numbers (64-bit ids as bigint) as digits, in the order given. */
export function writeXml(fields: Record<string, string | number | bigint>): string {
  return `<xml>${Object.entries(fields)
    .map(([name, value]) => `<${name}>${typeof value === 'string' ? cdata(value) : String(value)}</${name}>`)
    .join('')}</xml>`;
}
