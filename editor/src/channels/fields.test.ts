import { describe, expect, it } from 'vitest';
import { connectionBody, connectionFields, initialValues, labelFor } from './fields';

// The Messenger connection's schema as the server writes it (zod's JSON Schema, io: input).
const messenger = {
  type: 'object',
  properties: {
    pageId: { type: 'string', pattern: '^\\d+$', description: 'The Page the bot answers for.' },
    appSecret: { type: 'string', minLength: 16 },
    pageAccessToken: { type: 'string', minLength: 20, description: 'Sends replies through the Send API.' },
    messageTag: { type: 'string', enum: ['ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE'] },
    enabled: { type: 'boolean' },
    sendRate: { type: 'number', exclusiveMinimum: 0, maximum: 300 },
  },
  required: ['appSecret', 'pageAccessToken'],
};

describe('connection forms from the config schema', () => {
  const fields = connectionFields(messenger, ['appSecret', 'pageAccessToken']);

  it('makes a field per property, secrets as secrets, enums as choices, without the enabled switch', () => {
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['pageId', 'text', false],
      ['appSecret', 'secret', true],
      ['pageAccessToken', 'secret', true],
      ['messageTag', 'select', false],
      ['sendRate', 'number', false],
    ]);
    expect(fields[0]).toMatchObject({ label: 'Page id', pattern: '^\\d+$', description: 'The Page the bot answers for.' });
    expect(labelFor('channelAccessToken')).toBe('Channel access token');
  });

  it('starts from the stored values, never from the masked secrets', () => {
    expect(initialValues(fields, { pageId: '1049', appSecret: '••••ab12', sendRate: 40 })).toEqual({ pageId: '1049', appSecret: '', pageAccessToken: '', messageTag: '', sendRate: '40' });
  });

  it('sends a stored secret only when it is replaced, and leaves blank optional fields out', () => {
    const values = { pageId: ' 1049 ', appSecret: 'new-app-secret-0123456789', pageAccessToken: '', messageTag: '', sendRate: '25' };
    expect(connectionBody(fields, values, new Set(['pageAccessToken']))).toEqual({ pageId: '1049', appSecret: 'new-app-secret-0123456789', sendRate: 25 });
    expect(connectionBody(fields, values, new Set(['appSecret', 'pageAccessToken']))).toEqual({ pageId: '1049', sendRate: 25 });
  });
});
