import { metaHandshake, verifyMetaSignature } from '../meta/signature';
import type { RawRequest } from '../types';
import type { WhatsappConfig } from './config';

export const verifyWhatsapp = (request: RawRequest, config: WhatsappConfig): boolean => verifyMetaSignature(request, config);
export const whatsappHandshake = (request: RawRequest, config: WhatsappConfig): string | undefined => metaHandshake(request, config);
