import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesKey, decryptMessage, encryptMessage, messageSignature } from './crypto';
import { readXml, writeXml } from './xml';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wxb11529c136998cb6';

describe('WeChat safe mode', () => {
  it('derives the 32-byte key from the 43-character EncodingAESKey', () => {
    expect(aesKey(KEY)).toHaveLength(32);
  });

  it('lays the plain text out as documented: random 16, length (network order), message, AppID, PKCS#7 to 32', () => {
    const random = Buffer.from('0123456789abcdef');
    const message = '<xml><Content><![CDATA[你好]]></Content></xml>';
    const encrypted = encryptMessage(KEY, APP_ID, message, random);
    const key = aesKey(KEY);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    expect(plain.length % 32).toBe(0);
    const pad = plain.at(-1) ?? 0;
    expect(pad).toBeGreaterThanOrEqual(1);
    expect([...plain.subarray(plain.length - pad)].every((byte) => byte === pad)).toBe(true);
    expect(plain.subarray(0, 16)).toEqual(random);
    const length = plain.readUInt32BE(16);
    expect(length).toBe(Buffer.byteLength(message));
    expect(plain.subarray(20, 20 + length).toString('utf8')).toBe(message);
    expect(plain.subarray(20 + length, plain.length - pad).toString('utf8')).toBe(APP_ID);
  });

  it('decrypts what it encrypts, and refuses another AppID or altered ciphertext', () => {
    const encrypted = encryptMessage(KEY, APP_ID, '<xml><MsgType>text</MsgType></xml>');
    expect(decryptMessage(KEY, APP_ID, encrypted)).toBe('<xml><MsgType>text</MsgType></xml>');
    expect(decryptMessage(KEY, 'wx0000000000000000', encrypted)).toBeUndefined();
    const bytes = Buffer.from(encrypted, 'base64');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 0xff;
    expect(decryptMessage(KEY, APP_ID, bytes.toString('base64'))).toBeUndefined();
  });

  it('signs the sorted token, timestamp, nonce and ciphertext with sha1', () => {
    // sha1("1409304348" + "ciphertext" + "pamtest" + "xxxxxx"): the four strings sorted, then joined.
    expect(messageSignature('pamtest', '1409304348', 'xxxxxx', 'ciphertext')).toBe('2140fea3bc92c20d5ef5e0522dd3ab7bddae895b');
  });
});

describe('WeChat XML', () => {
  it('reads plain and CDATA fields and ignores nested ones; writes CDATA that survives "]]>"', () => {
    const fields = readXml('<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1348831860</CreateTime><Content><![CDATA[a <b> & c]]></Content><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType></ScanCodeInfo></xml>');
    expect(fields).toEqual({ ToUserName: 'gh_1', CreateTime: '1348831860', Content: 'a <b> & c' });
    expect(readXml(writeXml({ Content: 'tricky ]]> text', CreateTime: 5 }))).toEqual({ Content: 'tricky ]]> text', CreateTime: '5' });
    expect(readXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><C>&e;</C></xml>')).toBeUndefined();
  });
});
