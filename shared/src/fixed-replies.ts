import type { Reply } from './replies';

/**
 * Replies that depend on no variable (a question with fixed buttons, a fixed text) are the same for
 * every customer: a node can make one per node setting and hand out that same object on every turn,
 * frozen, so that no one changes it. The server then keeps its JSON (`repliesToJson`) instead of writing
 * it again for each turn's transcript row and answer: for a bot of fixed questions, that JSON was most
 * of a turn's serializing.
 */
const jsonOfFixed = new WeakMap<Reply, string>();

/** Whether none of these texts is a template (`{{…}}`): rendering them then gives the texts themselves. */
export function noTemplates(texts: readonly (string | undefined)[]): boolean {
  for (const text of texts) if (text !== undefined && text.includes('{{')) return false;
  return true;
}

const asIs = (text: string) => text;

/**
 * A node's reply maker that makes the reply once per setting object (it lives as long as its flow
 * version) when none of `texts(data)` is a template, and anew on each call otherwise. The maker gets
 * the render function to use; for a fixed reply that is the identity.
 */
export function fixedReplies<D extends object>(
  texts: (data: D) => readonly (string | undefined)[],
  make: (data: D, render: (template: string) => string) => Reply,
): (data: D, render: (template: string) => string) => Reply {
  // null: this setting has templates, made anew each time.
  const made = new WeakMap<D, Reply | null>();
  return (data, render) => {
    let reply = made.get(data);
    if (reply === undefined) {
      reply = noTemplates(texts(data)) ? deepFreeze(make(data, asIs)) : null;
      made.set(data, reply);
    }
    return reply ?? make(data, render);
  };
}

/** Freezes a value and everything inside it: what a node hands out to every turn (see `fixedReplies`). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** `JSON.stringify(replies)`, with the JSON of fixed replies made once. */
export function repliesToJson(replies: readonly Reply[]): string {
  let anyFixed = false;
  for (const reply of replies) if (Object.isFrozen(reply)) anyFixed = true;
  if (!anyFixed) return JSON.stringify(replies);
  let json = '[';
  for (let i = 0; i < replies.length; i++) {
    const reply = replies[i];
    if (i > 0) json += ',';
    json += reply !== undefined && Object.isFrozen(reply) ? fixedJson(reply) : JSON.stringify(reply);
  }
  return `${json}]`;
}

function fixedJson(reply: Reply): string {
  let json = jsonOfFixed.get(reply);
  if (json === undefined) {
    json = JSON.stringify(reply);
    jsonOfFixed.set(reply, json);
  }
  return json;
}
