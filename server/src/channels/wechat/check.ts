import type { WechatConfig } from './config';

/** Safe mode's key: Base64(EncodingAESKey + "=") must be the 32 bytes of an AES-256 key. */
export function checkWechat(config: WechatConfig): { check: string; ok: boolean; message: string }[] {
  if (config.encodingAesKey === undefined) return [{ check: 'safe mode', ok: true, message: 'No EncodingAESKey: plain mode, where a request’s body is not signed. Safe mode is recommended.' }];
  const key = Buffer.from(`${config.encodingAesKey}=`, 'base64');
  return [
    key.length === 32
      ? { check: 'encodingAesKey', ok: true, message: 'The EncodingAESKey decodes to a 32-byte AES-256 key: messages must come encrypted.' }
      : { check: 'encodingAesKey', ok: false, message: `The EncodingAESKey decodes to ${key.length} bytes, not the 32 of an AES-256 key: copy it again from Basic configuration.` },
  ];
}
