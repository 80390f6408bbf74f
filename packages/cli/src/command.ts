/** What a command may touch: output streams, the environment and the working directory. */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * A top-level `mimamori <name>` command. `run` gets the arguments after the name and returns the
 * process exit code (0 ok, 1 runtime failure, 2 usage error). Commands print `--help` themselves;
 * their one-line summaries live in commands/index.ts, so `mimamori --help` loads no command.
 */
export interface Command {
  readonly name: string;
  readonly run: (args: ReadonlyArray<string>, io: CliIo) => Promise<number>;
}

/** A usage error: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
