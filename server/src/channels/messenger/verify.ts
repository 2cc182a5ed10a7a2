import { metaHandshake, verifyMetaSignature } from '../meta/signature';
import type { RawRequest } from '../types';
import type { MessengerConfig } from './config';

export const verifyMessenger = (request: RawRequest, config: MessengerConfig): boolean => verifyMetaSignature(request, config);
export const messengerHandshake = (request: RawRequest, config: MessengerConfig): string | undefined => metaHandshake(request, config);
