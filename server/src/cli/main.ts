#!/usr/bin/env node

const usage = `Usage: parley <command>

  start                         start the server (editor, API, webhooks) — configured by environment:
                                PORT, PARLEY_DB, PARLEY_DATA_DIR, PARLEY_ADMIN_TOKEN, PARLEY_PUBLIC_URL,
                                PARLEY_NODES (custom node modules, comma-separated; validate and chat use it too)
  validate <flow.json>          list a flow file's problems (exit 1 when it has errors)
  chat <flow.json | botId>      chat with a flow file in-process, or with a bot on a running server
       [--products file.json]   the catalog for a flow file's product nodes
  import <flow.json> --bot <id> replace a bot's draft on a running server (PARLEY_URL, PARLEY_ADMIN_TOKEN)
  export <botId> [--version N]  print a bot's flow from a running server
`;

const [command, ...args] = process.argv.slice(2);
// Each command loads only what it needs: `validate` should not wait for the whole server to load.
const commands: Record<string, (args: string[]) => Promise<number>> = {
  start: async () => (await import('./start')).runStart(),
  validate: async (a) => (await import('./validate')).runValidate(a),
  chat: async (a) => (await import('./chat')).runChat(a),
  import: async (a) => (await import('./transfer')).runImport(a),
  export: async (a) => (await import('./transfer')).runExport(a),
};

const run = command ? commands[command] : undefined;
if (!run) {
  process.stdout.write(usage);
  process.exitCode = command && command !== 'help' && command !== '--help' ? 2 : 0;
} else {
  process.exitCode = await run(args);
}

// An ES module (top-level await above), though it exports nothing.
export {};
