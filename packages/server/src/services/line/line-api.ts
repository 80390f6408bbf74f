import { HTTPFetchError, messagingApi, validateSignature } from '@line/bot-sdk';

/** A failed LINE API call: the HTTP status (null when no answer came), LINE's `message`, and `Retry-After` (s). */
export class LineApiError extends Error {
  readonly status: number | null;
  readonly lineMessage: string;
  readonly retryAfterSeconds: number | null;
  readonly requestId: string | null;
  constructor(status: number | null, lineMessage: string, retryAfterSeconds: number | null, requestId: string | null) {
    super(status === null ? `LINE API unreachable: ${lineMessage}` : `LINE API ${status}: ${lineMessage}`);
    this.status = status;
    this.lineMessage = lineMessage;
    this.retryAfterSeconds = retryAfterSeconds;
    this.requestId = requestId;
  }
}

/** The calls Mimamori makes to the LINE Messaging API. The only module that imports the SDK's client. */
export interface LineApi {
  /** Pushes a text message; `retryKey` (a UUID made before the first attempt) makes a retry safe. */
  push(o: { to: string; text: string; retryKey: string }): Promise<{ requestId: string | null }>;
  /** Answers a webhook event with its reply token (free of the monthly quota). */
  reply(o: { replyToken: string; text: string }): Promise<void>;
  /** The account's id and name: the harmless call that checks a configuration. */
  botInfo(): Promise<{ basicId: string; displayName: string }>;
  /** This month's allowance (null: no limit) and the messages used so far. */
  quota(): Promise<{ limit: number | null; used: number }>;
  /** A friend's display name (shown to staff and the patient to confirm which LINE is linked). */
  profile(userId: string): Promise<{ displayName: string }>;
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HTTPFetchError) {
      let message = e.statusText;
      try {
        const body = JSON.parse(e.body) as { message?: unknown };
        if (typeof body.message === 'string') message = body.message;
      } catch {
        // A body that is not LINE's JSON (a proxy's page): the status text says enough.
      }
      const ra = Number(e.headers.get('retry-after'));
      throw new LineApiError(e.status, message.slice(0, 200), Number.isFinite(ra) && ra > 0 ? ra : null, e.headers.get('x-line-request-id'));
    }
    throw new LineApiError(null, e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}`.slice(0, 200) : 'unknown', null, null);
  }
}

/** A LINE API client for one channel's access token, against `baseUrl` (LINE's, or a local fake in tests). */
export function createLineApi(o: { accessToken: string; baseUrl: string }): LineApi {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: o.accessToken, baseURL: o.baseUrl });
  return {
    async push(m) {
      const r = await call(() => client.pushMessageWithHttpInfo({ to: m.to, messages: [{ type: 'text', text: m.text }] }, m.retryKey));
      return { requestId: r.httpResponse.headers.get('x-line-request-id') };
    },
    async reply(m) {
      await call(() => client.replyMessage({ replyToken: m.replyToken, messages: [{ type: 'text', text: m.text }] }));
    },
    async botInfo() {
      const r = await call(() => client.getBotInfo());
      return { basicId: r.basicId, displayName: r.displayName };
    },
    async quota() {
      const [q, c] = await Promise.all([call(() => client.getMessageQuota()), call(() => client.getMessageQuotaConsumption())]);
      return { limit: q.type === 'limited' ? (q.value ?? null) : null, used: c.totalUsage };
    },
    async profile(userId) {
      const r = await call(() => client.getProfile(userId));
      return { displayName: r.displayName };
    },
  };
}

/**
 * Checks `x-line-signature` — Base64(HMAC-SHA256(channel secret, raw body)) — in constant time
 * (the SDK's `validateSignature`). A missing or malformed header is simply false.
 */
export function lineSignatureValid(o: { rawBody: Buffer; secret: string; signature: string | undefined }): boolean {
  if (!o.signature || o.signature.length > 200) return false;
  return validateSignature(o.rawBody, o.secret, o.signature);
}
