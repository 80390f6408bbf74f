import { commands } from './commands/index.ts';
import { UsageError, type CliIo, type Command } from './command.ts';

async function loadAll(): Promise<Command[]> {
  return Promise.all(Object.values(commands).map((load) => load()));
}

function topHelp(all: ReadonlyArray<Command>): string {
  const width = Math.max(...all.map((c) => c.name.length), 4);
  return [
    'Usage: mimamori <command> [options]',
    '',
    'Commands:',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `mimamori <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Never calls process.exit, so tests can call it in-process. */
export async function main(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp(await loadAll()));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`mimamori: unknown command "${name}"\n\n${topHelp(await loadAll())}`);
    return 2;
  }
  const cmd = await load();
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
