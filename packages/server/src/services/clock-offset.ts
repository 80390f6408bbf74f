import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { createPeriodicJob, type PeriodicJob } from './periodic-job.ts';

/** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
const NTP_EPOCH_OFFSET = 2_208_988_800;
/** More than this between the server's clock and the time source is reported (security checklist C6). */
export const MAX_CLOCK_OFFSET_MS = 1000;

export interface ClockOffsetReading {
  readonly server: string;
  /** Time source minus this machine, in milliseconds (positive: this clock is behind). */
  readonly offsetMs: number;
  readonly roundTripMs: number;
  readonly checkedAt: string;
}

function readNtpTime(b: Buffer, at: number): number {
  return (b.readUInt32BE(at) - NTP_EPOCH_OFFSET) * 1000 + (b.readUInt32BE(at + 4) / 2 ** 32) * 1000;
}

/**
 * One SNTP (RFC 4330) exchange with `host`: offset = ((t1 − t0) + (t2 − t3)) / 2. The request's
 * transmit field carries a random nonce instead of the time (as RFC 4330 allows), and the answer
 * must echo it, come from a synchronised server in server mode, and arrive within `timeoutMs`.
 */
export function measureClockOffset(o: { readonly host: string; readonly port?: number; readonly timeoutMs?: number; readonly now?: () => number }): Promise<ClockOffsetReading> {
  const now = o.now ?? Date.now;
  const port = o.port ?? 123;
  return new Promise((resolve, reject) => {
    const socket = createSocket(o.host.includes(':') ? 'udp6' : 'udp4');
    const request = Buffer.alloc(48);
    request[0] = 0x23; // LI 0, version 4, mode 3 (client)
    const nonce = randomBytes(8);
    nonce.copy(request, 40);
    let t0 = 0;
    const timer = setTimeout(() => done(new Error(`no answer from ${o.host}:${port} within ${o.timeoutMs ?? 2000} ms`)), o.timeoutMs ?? 2000);
    const done = (err: Error | null, reading?: ClockOffsetReading) => {
      clearTimeout(timer);
      socket.close();
      if (err) reject(err);
      else resolve(reading!);
    };
    socket.on('error', (e) => done(e));
    socket.on('message', (msg) => {
      const t3 = now();
      if (msg.length < 48 || (msg[0]! & 0x07) !== 4 || msg[1] === 0 || !msg.subarray(24, 32).equals(nonce)) {
        done(new Error(`${o.host}:${port} sent an answer that is not a valid NTP server reply`));
        return;
      }
      const t1 = readNtpTime(msg, 32);
      const t2 = readNtpTime(msg, 40);
      done(null, { server: `${o.host}:${port}`, offsetMs: Math.round((t1 - t0 + (t2 - t3)) / 2), roundTripMs: Math.max(0, t3 - t0 - (t2 - t1)), checkedAt: new Date(t3).toISOString() });
    });
    t0 = now();
    socket.send(request, port, o.host, (e) => {
      if (e) done(e);
    });
  });
}

export interface ClockOffsetMonitor extends PeriodicJob {
  /** The last successful reading, or null before the first one. */
  readonly latest: () => ClockOffsetReading | null;
  /** Why the last check failed, or null when it succeeded. */
  readonly lastError: () => string | null;
}

/** Measures the offset against `NTP_SERVER` now and every `intervalMs` (default 10 minutes). */
export function createClockOffsetMonitor(o: {
  readonly host: string;
  readonly port?: number;
  readonly intervalMs?: number;
  readonly onDrift?: (r: ClockOffsetReading) => void;
  readonly onError?: (err: unknown) => void;
}): ClockOffsetMonitor {
  let latest: ClockOffsetReading | null = null;
  let lastError: string | null = null;
  const job = createPeriodicJob(
    async () => {
      try {
        latest = await measureClockOffset({ host: o.host, port: o.port });
        lastError = null;
        if (Math.abs(latest.offsetMs) > MAX_CLOCK_OFFSET_MS) o.onDrift?.(latest);
      } catch (e) {
        lastError = (e as Error).message;
        throw e;
      }
    },
    { intervalMs: o.intervalMs ?? 600_000, onError: o.onError },
  );
  return { ...job, latest: () => latest, lastError: () => lastError };
}
