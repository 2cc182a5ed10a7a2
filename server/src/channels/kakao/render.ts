import type { Card, CardButton, JsonValue, Reply, ReplyButton } from '@parley/shared';
import { payLabel } from '../payload';
import { cut, numbered, replyAsText, split } from '../text';

/**
 * Skill response v2.0 limits (kakaobusiness.gitbook.io/main/tool/chatbot/skill_guide/answer_json_format):
 * 1–3 outputs; simpleText 1000 characters; cards' descriptions 230, ≤3 buttons, labels 14; carousels
 * ≤10 cards; ≤10 quick replies, labels 14. A basicCard needs a picture; a textCard has none.
 */
export const KAKAO_LIMITS = { outputs: 3, text: 1000, cardTitle: 50, description: 230, cardButtons: 3, label: 14, carousel: 10, quickReplies: 10 } as const;

type Json = { [key: string]: JsonValue };
/** One output, with its text form for when there are more than three. */
interface Output {
  component: Json;
  text: string;
}

/** A tap: the exact payload through this bot's block when it is known, else what the customer says. */
function tap(label: string, said: string, payload: string, blockId: string | undefined): Json {
  return blockId
    ? { label: cut(label, KAKAO_LIMITS.label), action: 'block', blockId, messageText: said, extra: { payload } }
    : { label: cut(label, KAKAO_LIMITS.label), action: 'message', messageText: said };
}

function cardButton(card: Card, button: CardButton, blockId: string | undefined): Json {
  if (button.action !== 'postback') return { label: cut(button.title, KAKAO_LIMITS.label), action: 'webLink', webLinkUrl: button.url };
  // Without a block, tapping says the card's title, which picks the card.
  return tap(button.title, blockId ? button.title : card.title, button.payload, blockId);
}

function cards(items: readonly Card[], blockId: string | undefined): Output[] {
  const outputs: Output[] = [];
  for (let start = 0; start < items.length; start += KAKAO_LIMITS.carousel) {
    const chunk = items.slice(start, start + KAKAO_LIMITS.carousel);
    // A carousel is all basicCards (each with a picture) or all textCards.
    const pictured = chunk.every((c) => c.imageUrl !== undefined);
    const type = pictured ? 'basicCard' : 'textCard';
    const card = (c: Card): Json => ({
      title: cut(c.title, KAKAO_LIMITS.cardTitle),
      ...(c.subtitle ? { description: cut(c.subtitle, KAKAO_LIMITS.description) } : {}),
      ...(pictured && c.imageUrl ? { thumbnail: { imageUrl: c.imageUrl } } : {}),
      buttons: c.buttons.slice(0, KAKAO_LIMITS.cardButtons).map((b) => cardButton(c, b, blockId)),
    });
    const component = chunk.length === 1 && chunk[0] ? { [type]: card(chunk[0]) } : { carousel: { type, items: chunk.map(card) } };
    outputs.push({ component, text: replyAsText({ type: 'cards', cards: chunk }) });
  }
  return outputs;
}

const texts = (text: string): Output[] => split(text, KAKAO_LIMITS.text).map((part) => ({ component: { simpleText: { text: part } }, text: part }));

function render(reply: Reply, blockId: string | undefined, asked: ReplyButton[] | undefined): Output[] {
  switch (reply.type) {
    case 'text':
    case 'handoff':
      return texts(reply.text);
    case 'image':
      return [{ component: { simpleImage: { imageUrl: reply.url, altText: cut(reply.caption ?? 'image', KAKAO_LIMITS.text) } }, text: replyAsText(reply) }, ...(reply.caption ? texts(reply.caption) : [])];
    case 'video':
    case 'file':
      return texts(replyAsText(reply));
    case 'buttons':
      // The question whose options are the quick replies is asked as it is; any other is numbered.
      return texts(asked === reply.buttons ? reply.text : numbered(reply.text, reply.buttons.map((b) => b.title)));
    case 'cards':
      return cards(reply.cards, blockId);
    case 'payment': {
      const fits = reply.text.length <= KAKAO_LIMITS.description;
      const button = { label: cut(payLabel(reply.amount, reply.currency), KAKAO_LIMITS.label), action: 'webLink', webLinkUrl: reply.url };
      const card = { component: { textCard: { description: fits ? reply.text : payLabel(reply.amount, reply.currency), buttons: [button] } }, text: replyAsText(reply) };
      return fits ? [card] : [...texts(reply.text), card];
    }
    case 'typing':
      return [];
  }
}

/** Texts next to each other share one bubble while they fit. */
function mergeTexts(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const previous = merged.at(-1);
    const joined = previous && 'simpleText' in previous.component && 'simpleText' in output.component ? `${previous.text}\n\n${output.text}` : undefined;
    if (previous && joined !== undefined && joined.length <= KAKAO_LIMITS.text) merged[merged.length - 1] = { component: { simpleText: { text: joined } }, text: joined };
    else merged.push(output);
  }
  return merged;
}

/**
 * The skill response: at most three outputs, so what would come after the second is written as one
 * text bubble; the last question's options (≤10) are its quick replies.
 */
export function renderKakao(replies: readonly Reply[], blockId?: string): Json {
  const last = replies.findLast((reply) => reply.type === 'buttons');
  const asked = last?.type === 'buttons' && last.buttons.length <= KAKAO_LIMITS.quickReplies ? last.buttons : undefined;
  let outputs = mergeTexts(replies.flatMap((reply) => render(reply, blockId, asked)));
  if (outputs.length > KAKAO_LIMITS.outputs) {
    const rest = cut(outputs.slice(KAKAO_LIMITS.outputs - 1).map((o) => o.text).join('\n\n'), KAKAO_LIMITS.text);
    outputs = [...outputs.slice(0, KAKAO_LIMITS.outputs - 1), { component: { simpleText: { text: rest } }, text: rest }];
  }
  // Kakao wants at least one output; with nothing to say (a person has the conversation) the bubble is an ellipsis.
  if (outputs.length === 0) outputs = texts('…');
  const quickReplies = asked?.map((b) => tap(b.title, b.title, b.payload, blockId));
  return { version: '2.0', template: { outputs: outputs.map((o) => o.component), ...(quickReplies ? { quickReplies } : {}) } };
}
