import { defineChannel } from '../define';
import { answerKakao } from './answer';
import { kakaoConfig } from './config';
import { parseKakao } from './parse';
import { verifyKakao } from './verify';

/**
 * KakaoTalk channels through a Kakao i Open Builder skill: each utterance is a request answered with a
 * skill response. With no push, replies to payments, timers and releases wait for the next answer.
 */
export const kakao = defineChannel({
  id: 'kakao',
  title: 'KakaoTalk',
  config: kakaoConfig,
  secrets: ['secret'],
  verify: verifyKakao,
  parse: parseKakao,
  answer: answerKakao,
  // A skill URL may be plain HTTP.
  acceptsHttp: true,
});
