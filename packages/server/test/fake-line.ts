import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the fake gives instead of success (e.g. `{ status: 429, message: 'Too Many Requests' }`). */
export interface FakeAnswer {
  readonly status: number;
  readonly message: string;
  readonly retryAfter?: number;
}

export interface FakePush {
  readonly to: string;
  readonly text: string;
  readonly retryKey: string | null;
}

/**
 * A local fake of the LINE Messaging API on 127.0.0.1 (never the real service): push, reply and
 * bot info, with the channel access token checked, retry keys remembered (a repeated accepted key
 * answers 409, as LINE does) and scripted failures (429 with `Retry-After`, 5xx, 4xx) for the next
 * calls. It also signs webhook bodies with the channel secret, as LINE does.
 */
export interface FakeLine {
  readonly url: string;
  readonly token: string;
  readonly secret: string;
  readonly channelId: string;
  readonly basicId: string;
  readonly pushes: FakePush[];
  readonly replies: { replyToken: string; text: string }[];
  /** Every push attempt, accepted or not. */
  readonly pushAttempts: FakePush[];
  /** The next push calls answer these, in order, before pushes succeed again. */
  readonly failNextPushes: (answers: ReadonlyArray<FakeAnswer>) => void;
  readonly failNextReplies: (n: number) => void;
  readonly close: () => Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeLine(): Promise<FakeLine> {
  const token = `fake-token-${randomBytes(16).toString('hex')}`;
  const secret = randomBytes(16).toString('hex');
  const pushes: FakePush[] = [];
  const pushAttempts: FakePush[] = [];
  const replies: { replyToken: string; text: string }[] = [];
  const acceptedKeys = new Set<string>();
  let scripted: FakeAnswer[] = [];
  let failReplies = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': randomBytes(8).toString('hex'), ...headers });
        res.end(JSON.stringify(body));
      };
      const raw = await bodyOf(req);
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' });
      if (req.method === 'GET' && req.url === '/v2/bot/info') {
        return send(200, { userId: 'U0000000000000000000000000000bot', basicId: '@123fake', displayName: 'テストクリニック（fake）', chatMode: 'bot', markAsReadMode: 'auto' });
      }
      const profile = req.method === 'GET' ? /^\/v2\/bot\/profile\/(U[0-9a-f]{32})$/.exec(req.url ?? '') : null;
      if (profile) return send(200, { userId: profile[1], displayName: `見本さん ${profile[1]!.slice(-4)}`, language: 'ja' });
      if (req.method === 'GET' && req.url === '/v2/bot/message/quota') return send(200, { type: 'limited', value: 200 });
      if (req.method === 'GET' && req.url === '/v2/bot/message/quota/consumption') return send(200, { totalUsage: pushes.length });
      if (req.method === 'POST' && req.url === '/v2/bot/message/push') {
        const body = JSON.parse(raw) as { to: string; messages: { type: string; text: string }[] };
        const key = typeof req.headers['x-line-retry-key'] === 'string' ? req.headers['x-line-retry-key'] : null;
        const push = { to: body.to, text: body.messages[0]?.text ?? '', retryKey: key };
        pushAttempts.push(push);
        const next = scripted.shift();
        if (next) return send(next.status, { message: next.message }, next.retryAfter ? { 'retry-after': String(next.retryAfter) } : {});
        if (key && acceptedKeys.has(key)) return send(409, { message: 'The retry key is already accepted', sentMessages: [] });
        if (key) acceptedKeys.add(key);
        pushes.push(push);
        return send(200, { sentMessages: [{ id: randomBytes(8).toString('hex') }] });
      }
      if (req.method === 'POST' && req.url === '/v2/bot/message/reply') {
        const body = JSON.parse(raw) as { replyToken: string; messages: { text: string }[] };
        if (failReplies > 0) {
          failReplies--;
          return send(400, { message: 'Invalid reply token' });
        }
        replies.push({ replyToken: body.replyToken, text: body.messages[0]?.text ?? '' });
        return send(200, { sentMessages: [] });
      }
      return send(404, { message: 'Not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, token, secret, channelId: '2000000001', basicId: '@123fake', pushes, replies, pushAttempts,
    failNextPushes: (answers) => { scripted = [...answers]; },
    failNextReplies: (n) => { failReplies = n; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

let eventSeq = 0;

/** A webhook event as LINE sends it, from one user. */
export function lineEvent(type: 'follow' | 'unfollow' | 'message', userId: string, o: { text?: string; id?: string; redelivery?: boolean; mode?: 'active' | 'standby' } = {}) {
  eventSeq++;
  return {
    type, mode: o.mode ?? 'active', timestamp: 1_796_000_000_000 + eventSeq, source: { type: 'user', userId },
    webhookEventId: o.id ?? `01J${String(eventSeq).padStart(10, '0')}${randomBytes(4).toString('hex').toUpperCase()}`,
    deliveryContext: { isRedelivery: o.redelivery ?? false },
    ...(type !== 'unfollow' ? { replyToken: randomBytes(16).toString('hex') } : {}),
    ...(type === 'message' ? { message: { type: 'text', id: String(eventSeq), text: o.text ?? '' } } : {}),
  };
}

/** A webhook body and its `x-line-signature` (Base64 HMAC-SHA256 of the body with the channel secret). */
export function signedWebhook(secret: string, events: ReadonlyArray<unknown>): { body: string; signature: string } {
  const body = JSON.stringify({ destination: 'U0000000000000000000000000000bot', events });
  return { body, signature: createHmac('sha256', secret).update(body).digest('base64') };
}

/** A LINE user id (U + 32 hex), random. */
export function lineUserId(): string {
  return `U${randomBytes(16).toString('hex')}`;
}
