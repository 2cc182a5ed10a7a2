import fs from 'node:fs';
import { type Flow, parseFlow } from '@parley/shared';

export type FlowFileResult = { ok: true; flow: Flow } | { ok: false; message: string };

/** Reads and parses a flow file (any format version), with a message fit for a terminal. */
export function readFlowFile(file: string): FlowFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseFlow(json);
  if (!parsed.ok) return { ok: false, message: `${file} is not a Parley flow:\n${parsed.problems.map((p) => `  ${p.field || '(file)'}: ${p.message}`).join('\n')}` };
  return { ok: true, flow: parsed.flow };
}
