import { describe, expect, it } from 'vitest';
import type { RawRequest } from '../types';
import { kakaoConfig } from './config';
import { kakaoUtterance } from './fixtures';
import { parseKakao } from './parse';
import { verifyKakao } from './verify';

const config = kakaoConfig.parse({ secret: 'kakao-skill-secret-7d1e' });
const request = (body: unknown, headers: Record<string, string> = {}): RawRequest => ({ method: 'POST', url: new URL('http://parley.test/webhooks/kakao/shop'), headers: new Headers(headers), body: Buffer.from(JSON.stringify(body)) });

describe('KakaoTalk skill requests', () => {
  it('needs the secret header set up on the skill', () => {
    expect(verifyKakao(request(kakaoUtterance('u1', 'hi'), { 'x-parley-secret': 'kakao-skill-secret-7d1e' }), config)).toBe(true);
    expect(verifyKakao(request(kakaoUtterance('u1', 'hi'), { 'x-parley-secret': 'kakao-skill-secret-7d1f' }), config)).toBe(false);
    expect(verifyKakao(request(kakaoUtterance('u1', 'hi')), config)).toBe(false);
  });

  it('reads the utterance as text, and a block button’s extra as the tapped payload', () => {
    expect(parseKakao(request(kakaoUtterance('u1', '안녕하세요')))).toEqual({ ok: true, value: [{ type: 'message', customer: { id: 'u1', language: 'ko' }, inbound: { kind: 'text', text: '안녕하세요' } }] });
    const tapped = parseKakao(request(kakaoUtterance('u1', 'Buy', { payload: 'buy:PP-F01' })));
    expect(tapped.ok && tapped.value[0]?.type === 'message' && tapped.value[0].inbound).toEqual({ kind: 'postback', payload: 'buy:PP-F01', title: 'Buy' });
  });

  it('refuses a payload without a userRequest, naming it', () => {
    const parsed = parseKakao(request({ intent: { id: 'x', name: 'y' } }));
    expect(!parsed.ok && parsed.error.field).toBe('userRequest');
  });
});
