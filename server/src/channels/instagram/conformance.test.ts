import { META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN, metaConformanceSpec } from '../meta/conformance-spec';
import { describeConformance } from '../testing/conformance';
import { INSTAGRAM_LIMITS } from './render';

describeConformance(
  metaConformanceSpec('instagram', 'instagram', INSTAGRAM_LIMITS, { accountId: '17841405793187218', appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, accessToken: META_ACCESS_TOKEN }),
);
