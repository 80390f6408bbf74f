import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../storage/test/test-db.ts';
import { createApp } from '../src/app.ts';
import { createClockOffsetMonitor, measureClockOffset } from '../src/services/clock-offset.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** A small SNTP server on 127.0.0.1 whose clock runs `skewMs` ahead of this machine's. */
async function fakeNtpServer(skewMs: number, o: { stratum?: number; echo?: boolean } = {}): Promise<{ port: number; close: () => void }> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', (msg, from) => {
    const reply = Buffer.alloc(48);
    reply[0] = 0x24; // version 4, mode 4 (server)
    reply[1] = o.stratum ?? 2;
    if (o.echo !== false) msg.copy(reply, 24, 40, 48);
    const write = (at: number, ms: number) => {
      const secs = Math.floor(ms / 1000) + 2_208_988_800;
      reply.writeUInt32BE(secs >>> 0, at);
      reply.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
    };
    const t = Date.now() + skewMs;
    write(32, t);
    write(40, t);
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { port: socket.address().port, close: () => socket.close() };
}

test('SNTP: the offset against a time source 2.5 s ahead is measured within the round-trip bound', async () => {
  const ntp = await fakeNtpServer(2500);
  try {
    const r = await measureClockOffset({ host: '127.0.0.1', port: ntp.port });
    // SNTP cannot tell how the round trip splits between the two directions: the error is at most
    // half of it (RFC 4330). On a busy test machine that can be a few hundred milliseconds.
    assert.ok(Math.abs(r.offsetMs - 2500) <= r.roundTripMs / 2 + 25, `offset ${r.offsetMs}, round trip ${r.roundTripMs} ms`);
    assert.ok(r.roundTripMs < 2000);
    assert.equal(r.server, `127.0.0.1:${ntp.port}`);
  } finally {
    ntp.close();
  }
});

test('SNTP: an answer that does not echo our request, or from an unsynchronised server, is refused; silence times out', async () => {
  const forged = await fakeNtpServer(0, { echo: false });
  const unsynced = await fakeNtpServer(0, { stratum: 0 });
  const silent = createSocket('udp4');
  await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
  try {
    await assert.rejects(measureClockOffset({ host: '127.0.0.1', port: forged.port }), /not a valid NTP server reply/);
    await assert.rejects(measureClockOffset({ host: '127.0.0.1', port: unsynced.port }), /not a valid NTP server reply/);
    await assert.rejects(measureClockOffset({ host: '127.0.0.1', port: silent.address().port, timeoutMs: 300 }), /no answer/);
  } finally {
    forged.close();
    unsynced.close();
    silent.close();
  }
});

for (const dialect of testDialects()) {
  describe(`health reports the clock offset (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    const healthWith = async (skewMs: number | 'silent') => {
      const ntp = skewMs === 'silent' ? null : await fakeNtpServer(skewMs);
      const port = ntp?.port ?? 9; // nothing answers on the discard port
      const drifts: number[] = [];
      const monitor = createClockOffsetMonitor({ host: '127.0.0.1', port, onDrift: (r) => drifts.push(r.offsetMs), onError: () => {} });
      monitor.start();
      await monitor.stop();
      const app = await createApp({ db: t.db, clock: t.clock.fn, config: t.config, clockMonitor: monitor });
      try {
        return { body: (await app.inject({ url: '/api/health' })).json(), drifts };
      } finally {
        await app.close();
        ntp?.close();
      }
    };

    test('in step: ok, with the source and the offset', async () => {
      const { body, drifts } = await healthWith(0);
      assert.equal(body.status, 'ok');
      assert.equal(body.clock.problem, null);
      assert.ok(Math.abs(body.clock.offsetMs) < 1000);
      assert.deepEqual(drifts, []);
    });

    test('more than 1 s off: degraded, and the drift is reported', async () => {
      const { body, drifts } = await healthWith(-1800);
      assert.equal(body.status, 'degraded');
      assert.equal(body.clock.problem, 'offset_over_limit');
      assert.equal(drifts.length, 1);
    });

    test('no answer from the time source: degraded, source_unreachable', async () => {
      const { body } = await healthWith('silent');
      assert.equal(body.status, 'degraded');
      assert.equal(body.clock.problem, 'source_unreachable');
    });

    test('without NTP_SERVER the health answer says nothing about the clock, and stays ok', async () => {
      const r = (await t.app.inject({ url: '/api/health' })).json();
      assert.equal(r.status, 'ok');
      assert.deepEqual(r.clock, { source: null, offsetMs: null, checkedAt: null, problem: null });
    });
  });
}
