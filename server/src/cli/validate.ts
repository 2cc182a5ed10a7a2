import { hasErrors, validateFlow } from '@parley/shared';
import { loadCatalog } from './catalog';
import { readFlowFile } from './flow-file';

export async function runValidate(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    process.stderr.write('Usage: parley validate <flow.json>\n');
    return 2;
  }
  const read = readFlowFile(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return 1;
  }
  const catalog = await loadCatalog();
  if (typeof catalog === 'string') {
    process.stderr.write(`${catalog}\n`);
    return 1;
  }
  const problems = validateFlow(read.flow, catalog);
  for (const problem of problems) process.stdout.write(`${problem.severity === 'error' ? 'error  ' : 'warning'} ${problem.nodeId ? `[${problem.nodeId}] ` : ''}${problem.message}\n`);
  process.stdout.write(problems.length === 0 ? `${file}: no problems\n` : `${file}: ${problems.filter((p) => p.severity === 'error').length} error(s), ${problems.filter((p) => p.severity === 'warning').length} warning(s)\n`);
  return hasErrors(problems) ? 1 : 0;
}
