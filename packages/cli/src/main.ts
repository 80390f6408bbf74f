import { commands } from './commands/index.ts';
import { UsageError, type CliIo } from './command.ts';

function topHelp(): string {
  const all = Object.entries(commands);
  const width = Math.max(...all.map(([name]) => name.length), 4);
  return [
    'Usage: mimamori <command> [options]',
    '',
    'Commands:',
    ...all.map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `mimamori <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Never calls process.exit, so tests can call it in-process. */
export async function main(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr(`mimamori: unknown command "${name}"\n\n${topHelp()}`);
    return 2;
  }
  const cmd = await entry.load();
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`mimamori ${name}: ${e.message}\nRun \`mimamori ${name} --help\` for usage.\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`mimamori ${name}: ${msg}\n`);
    return 1;
  }
}
