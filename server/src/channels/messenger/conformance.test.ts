import { META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN, metaConformanceSpec } from '../meta/conformance-spec';
import { describeConformance } from '../testing/conformance';
import { MESSENGER_LIMITS } from './render';

describeConformance(
  metaConformanceSpec('messenger', 'page', MESSENGER_LIMITS, { pageId: '104589671234567', appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, pageAccessToken: META_ACCESS_TOKEN }),
);
