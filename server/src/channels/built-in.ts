import { instagram } from './instagram';
import { kakao } from './kakao';
import { line } from './line';
import { messenger } from './messenger';
import { telegram } from './telegram';
import { viber } from './viber';
import { wechat } from './wechat';
import { whatsapp } from './whatsapp';
import type { Channel } from './types';

/** The messaging apps Parley speaks out of the box, one folder each beside this file. */
export const builtInChannels: readonly Channel[] = [messenger, instagram, whatsapp, telegram, line, viber, wechat, kakao];
