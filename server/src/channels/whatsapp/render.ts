import type { Card, JsonValue, Reply, ReplyButton } from '@parley/shared';
import type { Pause } from '../http';
import { payLabel } from '../payload';
import { allDistinct, cut, numbered, split } from '../text';

/**
 * Cloud API message limits (developers.facebook.com/docs/whatsapp/cloud-api/messages): text 4096;
 * interactive body 1024; reply buttons ≤3, titles 20, ids 256, titles distinct; lists ≤10 rows, row
 * titles 24, descriptions 72, ids 200, button 20; captions 1024; a CTA URL's label 20.
 */
export const WHATSAPP_LIMITS = {
  text: 4096,
  body: 1024,
  caption: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
} as const;

type Json = { [key: string]: JsonValue };
/** One message's content: everything after `messaging_product`, `recipient_type` and `to`. */
export type WhatsappMessage = Json & { type: string };

const hasLink = (text: string) => /https?:\/\//.test(text);

function texts(text: string): WhatsappMessage[] {
  return split(text, WHATSAPP_LIMITS.text).map((body) => ({ type: 'text', text: { body, preview_url: hasLink(body) } }));
}

/** An interactive message's body holds 1024 characters: a longer text goes first on its own. */
function withBody(text: string, interactive: (body: string) => Json): WhatsappMessage[] {
  const parts = split(text, WHATSAPP_LIMITS.body);
  const last = parts.pop() ?? text;
  return [...parts.flatMap(texts), { type: 'interactive', interactive: interactive(last) }];
}

/** Three reply buttons; up to ten options as a list; beyond that (or ids too long) numbered text. */
function choices(text: string, options: readonly ReplyButton[], listButton: string): WhatsappMessage[] {
  const titles = options.map((b) => b.title);
  const body = text === '' ? numbered('', titles) : text;
  const buttonTitles = titles.map((title) => cut(title, WHATSAPP_LIMITS.buttonTitle));
  if (options.length <= WHATSAPP_LIMITS.buttons && allDistinct(buttonTitles) && options.every((b) => b.payload !== '' && b.payload.length <= WHATSAPP_LIMITS.buttonId))
    return withBody(body, (part) => ({
      type: 'button',
      body: { text: part },
      action: { buttons: options.map((b, i) => ({ type: 'reply', reply: { id: b.payload, title: buttonTitles[i] ?? '' } })) },
    }));
  if (options.length <= WHATSAPP_LIMITS.rows && allDistinct(options.map((b) => b.payload)) && options.every((b) => b.payload !== '' && b.payload.length <= WHATSAPP_LIMITS.rowId))
    return withBody(body, (part) => ({
      type: 'list',
      body: { text: part },
      action: {
        button: cut(listButton, WHATSAPP_LIMITS.listButton),
        sections: [
          {
            rows: options.map((b) => ({
              id: b.payload,
              title: cut(b.title, WHATSAPP_LIMITS.rowTitle),
              // A title cut short is shown whole underneath.
              ...(b.title.length > WHATSAPP_LIMITS.rowTitle ? { description: cut(b.title, WHATSAPP_LIMITS.rowDescription) } : {}),
            })),
          },
        ],
      },
    }));
  return texts(numbered(text, titles));
}

/**
 * WhatsApp has no carousel outside templates: each card is one message, its picture as the header,
 * its postback buttons as reply buttons (≤3), its links written in the body; a card with a single
 * link and no postback gets a CTA URL button.
 */
function card(item: Card): WhatsappMessage[] {
  const postbacks = item.buttons.flatMap((b) => (b.action === 'postback' && b.payload !== '' && b.payload.length <= WHATSAPP_LIMITS.buttonId ? [b] : [])).slice(0, WHATSAPP_LIMITS.buttons);
  const links = item.buttons.flatMap((b) => (b.action === 'postback' ? [] : [b]));
  const header: Json = item.imageUrl ? { header: { type: 'image', image: { link: item.imageUrl } } } : {};
  const lines = [item.title, ...(item.subtitle ? [item.subtitle] : [])];
  const titles = postbacks.map((b) => cut(b.title, WHATSAPP_LIMITS.buttonTitle));
  if (postbacks.length > 0 && allDistinct(titles) && allDistinct(postbacks.map((b) => b.payload))) {
    const body = cut([...lines, ...links.map((l) => `${l.title}: ${l.url}`)].join('\n'), WHATSAPP_LIMITS.body);
    return [{ type: 'interactive', interactive: { type: 'button', ...header, body: { text: body }, action: { buttons: postbacks.map((b, i) => ({ type: 'reply', reply: { id: b.payload, title: titles[i] ?? '' } })) } } }];
  }
  const [link] = links;
  if (link && links.length === 1)
    return [
      {
        type: 'interactive',
        interactive: { type: 'cta_url', ...header, body: { text: cut(lines.join('\n'), WHATSAPP_LIMITS.body) }, action: { name: 'cta_url', parameters: { display_text: cut(link.title, WHATSAPP_LIMITS.buttonTitle), url: link.url } } },
      },
    ];
  const text = [...lines, ...links.map((l) => `${l.title}: ${l.url}`)].join('\n');
  return item.imageUrl ? media('image', item.imageUrl, text) : texts(text);
}

/** A photo, video or document: a caption longer than 1024 follows as text. */
function media(kind: 'image' | 'video' | 'document', link: string, caption: string | undefined, filename?: string): WhatsappMessage[] {
  const fits = caption !== undefined && caption.length <= WHATSAPP_LIMITS.caption;
  const message: WhatsappMessage = { type: kind, [kind]: { link, ...(fits ? { caption } : {}), ...(filename ? { filename } : {}) } };
  return caption === undefined || fits ? [message] : [message, ...texts(caption)];
}

function render(reply: Reply, listButton: string): (WhatsappMessage | Pause)[] {
  switch (reply.type) {
    case 'text':
    case 'handoff':
      return texts(reply.text);
    case 'image':
      return media('image', reply.url, reply.caption);
    case 'video':
      return media('video', reply.url, reply.caption);
    case 'file':
      return media('document', reply.url, reply.caption, reply.name);
    case 'buttons':
      return choices(reply.text, reply.buttons, listButton);
    case 'cards':
      return reply.cards.flatMap(card);
    case 'payment':
      return withBody(reply.text, (body) => ({ type: 'cta_url', body: { text: body }, action: { name: 'cta_url', parameters: { display_text: cut(payLabel(reply.amount, reply.currency), WHATSAPP_LIMITS.buttonTitle), url: reply.url } } }));
    case 'typing':
      // The Cloud API's typing indicator belongs to a received message; the pause keeps the flow's pace.
      return [{ pause: reply.ms }];
  }
}

export function renderWhatsapp(replies: readonly Reply[], listButton: string): (WhatsappMessage | Pause)[] {
  return replies.flatMap((reply) => render(reply, listButton));
}
