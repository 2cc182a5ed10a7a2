import { z } from 'zod';
import { type Choice, type Output, type Payload, type Seen, type Signing, describeConformance } from '../testing/conformance';
import { KAKAO_BLOCK_ID, kakaoUtterance } from './fixtures';
import { KAKAO_LIMITS as L } from './render';

const SECRET = 'kakao-skill-secret-7d1e9c';

// The skill response v2.0 as KakaoTalk takes it.
const label = z.string().min(1).max(L.label);
const button = z.discriminatedUnion('action', [
  z.object({ label, action: z.literal('webLink'), webLinkUrl: z.url() }).strict(),
  z.object({ label, action: z.literal('message'), messageText: z.string().min(1) }).strict(),
  z.object({ label, action: z.literal('block'), blockId: z.string().regex(/^[0-9a-f]{24}$/), messageText: z.string().min(1), extra: z.record(z.string(), z.string()) }).strict(),
]);
const card = z
  .object({ title: z.string().max(L.cardTitle).optional(), description: z.string().max(L.description).optional(), thumbnail: z.object({ imageUrl: z.url() }).strict().optional(), buttons: z.array(button).max(L.cardButtons).optional() })
  .strict();
const basicCard = card.refine((c) => c.thumbnail !== undefined, 'a basicCard needs a thumbnail');
const textCard = card.refine((c) => c.thumbnail === undefined && (c.title !== undefined || c.description !== undefined), 'a textCard has a title or description and no picture');
const output = z.union([
  z.object({ simpleText: z.object({ text: z.string().min(1).max(L.text) }).strict() }).strict(),
  z.object({ simpleImage: z.object({ imageUrl: z.url(), altText: z.string().min(1).max(L.text) }).strict() }).strict(),
  z.object({ basicCard }).strict(),
  z.object({ textCard }).strict(),
  z.object({ carousel: z.union([z.object({ type: z.literal('basicCard'), items: z.array(basicCard).min(1).max(L.carousel) }).strict(), z.object({ type: z.literal('textCard'), items: z.array(textCard).min(1).max(L.carousel) }).strict()]) }).strict(),
]);
const quickReply = z.union([
  z.object({ label, action: z.literal('message'), messageText: z.string().min(1) }).strict(),
  z.object({ label, action: z.literal('block'), blockId: z.string(), messageText: z.string().min(1), extra: z.record(z.string(), z.string()) }).strict(),
]);
const skillResponse = z.object({ version: z.literal('2.0'), template: z.object({ outputs: z.array(output).min(1).max(L.outputs), quickReplies: z.array(quickReply).min(1).max(L.quickReplies).optional() }).strict() }).strict();

function checkAnswer(body: string, contentType: string): string | undefined {
  if (!contentType.startsWith('application/json')) return `content type ${contentType}`;
  const checked = skillResponse.safeParse(JSON.parse(body));
  return checked.success ? undefined : `${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`;
}

const userOf = (customer: string) => `b${Buffer.from(customer).toString('hex')}`;
const utter = (customer: string, text: string, extra: Record<string, string> | null = null): Payload => ({ body: JSON.stringify(kakaoUtterance(userOf(customer), text, extra)) });

function choice(b: z.output<typeof button> | z.output<typeof quickReply>, cardTitle?: string): Choice | undefined {
  if (b.action === 'webLink') return undefined;
  const extra = b.action === 'block' ? b.extra : null;
  return { label: b.label, ...(cardTitle === undefined ? {} : { card: cardTitle }), tap: (customer) => utter(customer, b.messageText, extra) };
}

function view(outputs: readonly Output[]): Seen {
  const seen: Seen = { texts: [], choices: [], links: [] };
  for (const o of outputs) {
    if (o.kind !== 'answer') continue;
    const parsed = skillResponse.safeParse(JSON.parse(o.body));
    if (!parsed.success) continue;
    const { outputs: bubbles, quickReplies } = parsed.data.template;
    for (const bubble of bubbles) {
      if ('simpleText' in bubble) {
        seen.texts.push(bubble.simpleText.text);
        seen.links.push(...(bubble.simpleText.text.match(/https?:\/\/\S+/g) ?? []));
      }
      const cards = 'carousel' in bubble ? bubble.carousel.items : 'basicCard' in bubble ? [bubble.basicCard] : 'textCard' in bubble ? [bubble.textCard] : [];
      for (const c of cards) {
        seen.texts.push([c.title, c.description].filter(Boolean).join('\n'));
        for (const b of c.buttons ?? []) {
          if (b.action === 'webLink') seen.links.push(b.webLinkUrl);
          const tap = choice(b, c.title);
          if (tap) seen.choices.push(tap);
        }
      }
    }
    for (const q of quickReplies ?? []) {
      const tap = choice(q);
      if (tap) seen.choices.push(tap);
    }
  }
  return seen;
}

function sign(payload: Payload, signing: Signing): Payload {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signing !== 'none') headers['x-parley-secret'] = signing === 'wrong' ? 'kakao-skill-secret-guess' : SECRET;
  return { ...payload, headers };
}

const spec = {
  channel: 'kakao',
  apiEnv: [],
  bodySigned: false,
  answersWebhook: true,
  holdsLaterReplies: true,
  withoutMessageIds: true,
  checkAnswer,
  sign,
  platform: () => ({ status: 404, text: 'a skill server calls no API' }),
  text: (customer: string, text: string) => utter(customer, text),
  view,
};

// Buttons say their titles (matched like typing), or, with the bot's block set, carry exact payloads.
describeConformance({ ...spec, connection: { secret: SECRET } });
describeConformance({ ...spec, variant: 'with the block id', connection: { secret: SECRET, blockId: KAKAO_BLOCK_ID } });
