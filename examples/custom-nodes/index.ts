import type { NodeType } from '@parley/shared';
import { shippingEstimateNode } from './shipping-estimate';

/** What `PARLEY_NODES=examples/custom-nodes/index.ts` loads: every node type this module adds. */
export const nodeTypes: NodeType[] = [shippingEstimateNode];

export { shippingEstimateNode };
