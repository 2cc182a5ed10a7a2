import type { CardButton, FaqEntry, NodeContext, Reply } from '@parley/shared';
import type { FaqConfig } from './config';
import { type NodeFaq, nodeFaqOf } from './matching';

/** The conversation's language: the customer's, as their app tells it, else the bot's own. */
export function conversationLanguage(ctx: NodeContext): string {
  const contact = ctx.vars.contact;
  const language = typeof contact === 'object' && contact !== null && !Array.isArray(contact) ? contact.language : undefined;
  return typeof language === 'string' && language.trim() !== '' ? language : ctx.settings.locale;
}

/** The entries this node answers from in this conversation. */
export const faqFor = (data: FaqConfig, ctx: NodeContext): NodeFaq =>
  nodeFaqOf(ctx.faq, { tags: data.tags, language: conversationLanguage(ctx), locale: ctx.settings.locale });

/**
 * An entry's rich answer as replies: its text (with postback buttons under it), and its image. Link
 * buttons only fit a card, so an answer with links comes as its text, then a card with the buttons.
 */
export function answerReplies(entry: FaqEntry, ctx: NodeContext): Reply[] {
  const text = ctx.render(entry.answer.text);
  const { buttons, imageUrl } = entry.answer;
  const image = imageUrl === undefined ? undefined : ctx.render(imageUrl);
  if (buttons.some((b) => b.url !== undefined)) {
    const cardButtons = buttons.flatMap((b): CardButton[] => {
      const title = ctx.render(b.title);
      if (b.url !== undefined) return [{ action: 'url', title, url: ctx.render(b.url) }];
      return b.payload !== undefined ? [{ action: 'postback', title, payload: b.payload }] : [];
    });
    return [
      { type: 'text', text },
      { type: 'cards', cards: [{ title: entry.question, ...(image === undefined ? {} : { imageUrl: image }), buttons: cardButtons }] },
    ];
  }
  const replies: Reply[] = image === undefined ? [] : [{ type: 'image', url: image }];
  const postbacks = buttons.flatMap((b) => (b.payload !== undefined ? [{ title: ctx.render(b.title), payload: b.payload }] : []));
  replies.push(postbacks.length > 0 ? { type: 'buttons', text, buttons: postbacks } : { type: 'text', text });
  return replies;
}
