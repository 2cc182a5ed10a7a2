// node summarize-profile.mjs FILE.cpuprofile REQUESTS [FUNCTION_NAME...]
// Self time per request by file and by function; inclusive time of each named function (by name).
import fs from 'node:fs';

const [file, requests, ...names] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const perRequest = Number(requests);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const bump = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
const byFile = new Map();
const byFunction = new Map();
const inclusive = new Map(names.map((name) => [name, 0]));
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const where = url.includes('node_modules') ? url.replace(/.*node_modules\/(\.pnpm\/)?/, '').split('/')[0] : url.replace(/.*\//, '') || functionName;
  bump(byFile, where, us);
  bump(byFunction, `${functionName || '(anonymous)'} ${url.replace(/.*\//, '')}:${lineNumber}`, us);
  const counted = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const name = nodes.get(at).callFrame.functionName;
    if (inclusive.has(name) && !counted.has(name)) {
      counted.add(name);
      bump(inclusive, name, us);
    }
  }
});

const row = (label, us) => `${(us / perRequest).toFixed(2).padStart(7)} µs/req ${((100 * us) / total).toFixed(1).padStart(5)}%  ${label}`;
const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([label, us]) => row(label, us)).join('\n');
console.log(`${perRequest} requests, ${(total / perRequest).toFixed(1)} µs of profile each (startup and idle included)`);
console.log(`-- self, by file\n${top(byFile, 12)}\n-- self, by function\n${top(byFunction, 30)}`);
if (names.length > 0) console.log(`-- inclusive\n${[...inclusive].map(([name, us]) => row(name, us)).join('\n')}`);
