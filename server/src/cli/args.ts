/** `--name value` options and positional arguments, nothing more: the CLI has few of either. */
export function parseArgs(args: string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      options.set(arg.slice(2), args[i + 1] ?? '');
      i++;
    } else positional.push(arg);
  }
  return { positional, options };
}

export function serverUrl(): string {
  return (process.env.PARLEY_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
