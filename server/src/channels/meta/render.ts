import type { Card, CardButton, JsonValue, Reply, ReplyButton } from '@parley/shared';
import type { Pause } from '../http';
import { payLabel } from '../payload';
import { cut, numbered, split } from '../text';

/**
 * The Send API's limits (developers.facebook.com/docs/messenger-platform/send-messages): quick replies
 * (≤13, title 20), button template (≤3 buttons, text 640), generic template (≤10 elements, title and
 * subtitle 80, ≤3 buttons), payloads 1000. Instagram takes the same templates with shorter texts.
 */
export interface MessagingLimits {
  text: number;
  quickReplies: number;
  quickReplyTitle: number;
  templateText: number;
  templateButtons: number;
  buttonTitle: number;
  elements: number;
  elementTitle: number;
  elementSubtitle: number;
  payload: number;
}

type Json = { [key: string]: JsonValue };
/** One Send API call: a message, or a sender action (typing). */
export type MessagingSend = { message: Json } | { sender_action: 'typing_on' };

const template = (payload: Json): Json => ({ attachment: { type: 'template', payload } });

export function createMessagingRenderer(limits: MessagingLimits) {
  const fits = (payload: string) => payload !== '' && payload.length <= limits.payload;
  const texts = (text: string): MessagingSend[] => split(text, limits.text).map((part) => ({ message: { text: part } }));

  function cardButton(button: CardButton): Json | undefined {
    const title = cut(button.title, limits.buttonTitle);
    if (button.action !== 'postback') return { type: 'web_url', url: button.url, title };
    return fits(button.payload) ? { type: 'postback', title, payload: button.payload } : undefined;
  }

  function element(card: Card): Json {
    const buttons = card.buttons.flatMap((b) => cardButton(b) ?? []).slice(0, limits.templateButtons);
    return {
      title: cut(card.title, limits.elementTitle),
      ...(card.subtitle ? { subtitle: cut(card.subtitle, limits.elementSubtitle) } : {}),
      ...(card.imageUrl ? { image_url: card.imageUrl } : {}),
      ...(buttons.length > 0 ? { buttons } : {}),
    };
  }

  /** Up to three buttons stay under the question (button template); more become quick replies; past thirteen, numbers. */
  function buttons(text: string, options: readonly ReplyButton[]): MessagingSend[] {
    const titles = options.map((b) => b.title);
    if (!options.every((b) => fits(b.payload)) || options.length > limits.quickReplies) return texts(numbered(text, titles));
    if (options.length <= limits.templateButtons && text !== '' && text.length <= limits.templateText)
      return [{ message: template({ template_type: 'button', text, buttons: options.map((b) => ({ type: 'postback', title: cut(b.title, limits.buttonTitle), payload: b.payload })) }) }];
    // Quick replies hang on the last part of the question.
    const parts = split(text === '' ? numbered('', titles) : text, limits.text);
    const last = parts.pop() ?? text;
    const quickReplies = options.map((b) => ({ content_type: 'text', title: cut(b.title, limits.quickReplyTitle), payload: b.payload }));
    return [...parts.map((part) => ({ message: { text: part } })), { message: { text: last, quick_replies: quickReplies } }];
  }

  /** A text with one link button: the template's text is the last part of a long text. */
  function linkButton(text: string, title: string, url: string): MessagingSend[] {
    const parts = split(text, limits.templateText);
    const last = parts.pop() ?? '';
    return [...parts.map((part) => ({ message: { text: part } })), { message: template({ template_type: 'button', text: last === '' ? title : last, buttons: [{ type: 'web_url', url, title: cut(title, limits.buttonTitle) }] }) }];
  }

  const media = (type: 'image' | 'video' | 'file', url: string, caption: string | undefined): MessagingSend[] => [
    { message: { attachment: { type, payload: { url, is_reusable: false } } } },
    ...(caption ? texts(caption) : []),
  ];

  function render(reply: Reply): (MessagingSend | Pause)[] {
    switch (reply.type) {
      case 'text':
      case 'handoff':
        return texts(reply.text);
      case 'image':
      case 'video':
      case 'file':
        return media(reply.type, reply.url, reply.caption);
      case 'buttons':
        return buttons(reply.text, reply.buttons);
      case 'cards': {
        const sends: MessagingSend[] = [];
        for (let i = 0; i < reply.cards.length; i += limits.elements)
          sends.push({ message: template({ template_type: 'generic', elements: reply.cards.slice(i, i + limits.elements).map(element) }) });
        return sends;
      }
      case 'payment':
        return linkButton(reply.text, payLabel(reply.amount, reply.currency), reply.url);
      case 'typing':
        return [{ sender_action: 'typing_on' }, { pause: reply.ms }];
    }
  }

  return (replies: readonly Reply[]): (MessagingSend | Pause)[] => replies.flatMap(render);
}
