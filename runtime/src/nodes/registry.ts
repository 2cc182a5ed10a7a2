import type { NodeCatalog, NodeType } from '@parley/shared';
import { askNode } from './ask/ask';
import { buttonsNode } from './buttons/buttons';
import { conditionNode } from './condition/condition';
import { endNode } from './end/end';
import { faqNode } from './faq/faq';
import { gotoNode } from './goto/goto';
import { handoffNode } from './handoff/handoff';
import { httpNode } from './http/http';
import { messageNode } from './message/message';
import { paymentNode } from './payment/payment';
import { productsNode } from './products/products';
import { quizNode } from './quiz/quiz';
import { setNode } from './set/set';
import { startNode } from './start/start';
import { waitlistNode } from './waitlist/waitlist';
import { addToCartNode } from './add-to-cart/add-to-cart';
import { cartNode } from './cart/cart';
import { chooseOptionsNode } from './options/options';

/** Every built-in node type. Adding one here is all it takes for the engine, validation and editor to know it. */
export const builtInNodeTypes: readonly NodeType[] = [startNode, messageNode, buttonsNode, endNode, quizNode, productsNode, faqNode, paymentNode, httpNode, handoffNode, askNode, conditionNode, setNode, gotoNode, waitlistNode, addToCartNode, cartNode, chooseOptionsNode];

/** A catalog of node types by name; custom nodes join the built-in ones here. */
export function createNodeCatalog(types: readonly NodeType[]): NodeCatalog {
  const catalog = new Map<string, NodeType>();
  for (const type of types) {
    if (catalog.has(type.type)) throw new Error(`Two node types are named "${type.type}"`);
    catalog.set(type.type, type);
  }
  return catalog;
}

export const builtInCatalog: NodeCatalog = createNodeCatalog(builtInNodeTypes);
