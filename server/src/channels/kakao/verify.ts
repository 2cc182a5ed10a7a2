import { headerMatches } from '../signing';
import type { RawRequest } from '../types';
import type { KakaoConfig } from './config';

/** Kakao signs nothing: the skill is set up to send a secret header, compared in constant time. */
export const verifyKakao = (request: RawRequest, config: KakaoConfig): boolean => headerMatches(request.headers.get(config.secretHeader), config.secret);
