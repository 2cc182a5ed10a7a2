// node summarize-allocations.mjs FILE.heapprofile REQUESTS: bytes per request by function and by stack.
import fs from 'node:fs';

const [file, requests] = process.argv.slice(2);
const perRequest = Number(requests);
const { head } = JSON.parse(fs.readFileSync(file, 'utf8'));
const byFunction = new Map();
const byStack = new Map();
let total = 0;
const walk = (node, callers) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const frames = [`${functionName || '(anonymous)'} ${url.replace(/.*\//, '')}:${lineNumber}`, ...callers];
  if (node.selfSize > 0) {
    total += node.selfSize;
    byFunction.set(frames[0], (byFunction.get(frames[0]) ?? 0) + node.selfSize);
    const stack = frames.slice(0, 4).join(' < ');
    byStack.set(stack, (byStack.get(stack) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, frames);
};
walk(head, []);
const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([label, bytes]) => `${(bytes / perRequest).toFixed(0).padStart(6)} B/req  ${label}`).join('\n');
console.log(`${perRequest} requests, ${(total / perRequest).toFixed(0)} bytes allocated each`);
console.log(`-- by function\n${top(byFunction, 25)}\n-- by stack\n${top(byStack, 20)}`);
