import { metaHandshake, verifyMetaSignature } from '../meta/signature';
import type { RawRequest } from '../types';
import type { InstagramConfig } from './config';

export const verifyInstagram = (request: RawRequest, config: InstagramConfig): boolean => verifyMetaSignature(request, config);
export const instagramHandshake = (request: RawRequest, config: InstagramConfig): string | undefined => metaHandshake(request, config);
