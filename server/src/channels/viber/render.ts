import type { Card, JsonValue, Reply } from '@parley/shared';
import type { Pause } from '../http';
import { payLabel } from '../payload';
import { allDistinct, cut, numbered, replyAsText, split } from '../text';
import { type Taps, encodeTaps } from './tracking';

/**
 * REST Bot API limits (developers.viber.com/docs/api/rest-bot-api/#send-message, tools/keyboards):
 * text 7000; picture description 768; keyboards of ≤24 buttons; rich media: a carousel of ≤6 groups
 * of 6 columns × 7 rows; button text 250; sender name 28.
 */
export const VIBER_LIMITS = { text: 7000, pictureText: 768, keyboardButtons: 24, groups: 6, groupColumns: 6, groupRows: 7, buttonText: 250, cardButtons: 3 } as const;

type Json = { [key: string]: JsonValue };
/** A message's own fields; `send` adds receiver, sender, min_api_version and tracking data. */
export type ViberMessage = Json & { type: string };

const texts = (text: string): ViberMessage[] => split(text, VIBER_LIMITS.text).map((part) => ({ type: 'text', text: part }));
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function keyboard(buttons: Json[]): Json {
  return { Type: 'keyboard', DefaultHeight: false, Buttons: buttons };
}

/** A text with the keyboard on its last part. */
function withKeyboard(text: string, buttons: Json[]): ViberMessage[] {
  const parts = texts(text);
  const last = parts.pop();
  return last ? [...parts, { ...last, keyboard: keyboard(buttons) }] : [];
}

/**
 * Rich media carousel: each card is one 6 × 7 group, its picture (3 rows), its title and subtitle,
 * and up to three buttons of a row each; the text takes what rows are left.
 */
function richMedia(cards: readonly Card[], taps: Taps): ViberMessage[] {
  const messages: ViberMessage[] = [];
  for (let start = 0; start < cards.length; start += VIBER_LIMITS.groups) {
    const buttons: Json[] = [];
    for (const card of cards.slice(start, start + VIBER_LIMITS.groups)) {
      const actions = card.buttons.slice(0, VIBER_LIMITS.cardButtons);
      const imageRows = card.imageUrl ? 3 : 0;
      if (card.imageUrl) buttons.push({ Columns: 6, Rows: imageRows, ActionType: 'none', Image: card.imageUrl });
      const lines = [`<b>${escapeHtml(card.title)}</b>`, ...(card.subtitle ? [escapeHtml(card.subtitle)] : [])];
      buttons.push({ Columns: 6, Rows: VIBER_LIMITS.groupRows - imageRows - actions.length, ActionType: 'none', Text: cut(lines.join('<br>'), VIBER_LIMITS.buttonText), TextVAlign: 'top', TextHAlign: 'left' });
      for (const action of actions) {
        if (action.action !== 'postback') {
          buttons.push({ Columns: 6, Rows: 1, ActionType: 'open-url', ActionBody: action.url, Text: cut(action.title, VIBER_LIMITS.buttonText) });
          continue;
        }
        // What the customer is seen to say: the button and the card it sits on, so each is distinct.
        const said = cut(`${action.title}: ${card.title}`, VIBER_LIMITS.buttonText);
        taps[said] = { payload: action.payload, title: action.title };
        buttons.push({ Columns: 6, Rows: 1, ActionType: 'reply', ActionBody: said, Text: cut(action.title, VIBER_LIMITS.buttonText) });
      }
    }
    const alt = cards.slice(start, start + VIBER_LIMITS.groups).map((c) => c.title).join(', ');
    messages.push({ type: 'rich_media', rich_media: { Type: 'rich_media', ButtonsGroupColumns: VIBER_LIMITS.groupColumns, ButtonsGroupRows: VIBER_LIMITS.groupRows, BgColor: '#FFFFFF', Buttons: buttons }, alt_text: alt });
  }
  return messages;
}

function render(reply: Reply, taps: Taps): (ViberMessage | Pause)[] {
  switch (reply.type) {
    case 'text':
    case 'handoff':
      return texts(reply.text);
    case 'image': {
      const fits = (reply.caption ?? '').length <= VIBER_LIMITS.pictureText;
      return [{ type: 'picture', text: fits ? (reply.caption ?? '') : '', media: reply.url }, ...(fits || !reply.caption ? [] : texts(reply.caption))];
    }
    case 'video':
    case 'file':
      // Viber wants the exact byte size of videos and files, which a URL does not give: sent as links.
      return texts(replyAsText(reply));
    case 'buttons': {
      const titles = reply.buttons.map((b) => cut(b.title, VIBER_LIMITS.buttonText));
      if (reply.buttons.length > VIBER_LIMITS.keyboardButtons || !allDistinct(titles)) return texts(numbered(reply.text, reply.buttons.map((b) => b.title)));
      reply.buttons.forEach((b, i) => {
        taps[titles[i] ?? b.title] = { payload: b.payload, title: b.title };
      });
      const buttons = titles.map((title) => ({ Columns: 6, Rows: 1, ActionType: 'reply', ActionBody: title, Text: title }));
      return withKeyboard(reply.text === '' ? numbered('', titles) : reply.text, buttons);
    }
    case 'cards':
      return richMedia(reply.cards, taps);
    case 'payment':
      return withKeyboard(reply.text, [{ Columns: 6, Rows: 1, ActionType: 'open-url', ActionBody: reply.url, Text: payLabel(reply.amount, reply.currency) }]);
    case 'typing':
      // Viber has no typing indicator for bots; the pause keeps the flow's pace.
      return [{ pause: reply.ms }];
  }
}

/** The turn's messages and the tracking data they all carry (the taps of every button in the turn). */
export function renderViber(replies: readonly Reply[]): { steps: (ViberMessage | Pause)[]; trackingData: string | undefined } {
  const taps: Taps = {};
  const steps = replies.flatMap((reply) => render(reply, taps));
  return { steps, trackingData: encodeTaps(taps) };
}
