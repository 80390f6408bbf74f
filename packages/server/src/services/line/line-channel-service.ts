import type { LineSettingsView } from './line-views.ts';
import { DomainError, type Issue } from '@mimamori/core';
import { DEMO_LINE_TOKEN_PREFIX, getLineChannel, saveLineChannel, setLineChannelCheck, setLineQuota, type Db } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { createLineApi, LineApiError, type LineApi } from './line-api.ts';


/** The clinic's channel with its secret and token opened, for the webhook and the sender. */
export interface OpenLineChannel {
  readonly clinicId: string;
  readonly channelId: string;
  readonly secret: string;
  readonly accessToken: string;
  readonly enabled: boolean;
  readonly botBasicId: string | null;
}

const secretOwner = (clinicId: string) => `line-secret:${clinicId}`;
const tokenOwner = (clinicId: string) => `line-token:${clinicId}`;

/** The webhook URL of a clinic (its id in the path tells the server whose secret signs the body). */
export function lineWebhookUrl(deps: AppDeps, clinicId: string): string {
  return `${deps.config.publicUrl}/api/line/webhook/${clinicId}`;
}

/** The API client of a channel (LINE's base URL, or the fake's in tests). */
export function lineApiFor(deps: AppDeps, ch: OpenLineChannel): LineApi {
  // The demo's channel has fake credentials: nothing goes to LINE; each call fails as LINE would refuse it.
  if (ch.accessToken.startsWith(DEMO_LINE_TOKEN_PREFIX)) return demoLineApi();
  return createLineApi({ accessToken: ch.accessToken, baseUrl: deps.config.lineApiBaseUrl });
}

function demoLineApi(): LineApi {
  const refuse = async (): Promise<never> => {
    throw new LineApiError(403, 'demo channel (fake credentials): nothing is sent to LINE', null, null);
  };
  return { push: refuse, reply: refuse, botInfo: refuse, quota: refuse, profile: refuse };
}

/** Loads and opens the clinic's channel; undefined when none is saved. */
export async function loadLineChannel(deps: AppDeps, db: Db, clinicId: string): Promise<OpenLineChannel | undefined> {
  const row = await getLineChannel(db, clinicId);
  if (!row) return undefined;
  return {
    clinicId,
    channelId: row.channel_id,
    secret: deps.db.secrets.open(row.secret_sealed, secretOwner(clinicId)),
    accessToken: deps.db.secrets.open(row.token_sealed, tokenOwner(clinicId)),
    enabled: row.enabled === 1,
    botBasicId: row.bot_basic_id,
  };
}

export async function getLineSettings(ctx: RequestContext): Promise<LineSettingsView> {
  const staff = requireStaff(ctx);
  const row = await getLineChannel(ctx.db.db, staff.clinicId);
  await auditAlone(ctx, { action: 'line.settings.read', resource: 'line_channel' });
  return {
    configured: Boolean(row), channelId: row?.channel_id ?? null, enabled: row?.enabled === 1, secretSet: Boolean(row), tokenSet: Boolean(row),
    webhookUrl: lineWebhookUrl(ctx, staff.clinicId), botBasicId: row?.bot_basic_id ?? null, botName: row?.bot_name ?? null,
    checkedAt: row?.checked_at ?? null, checkError: row?.check_error ?? null, updatedAt: row?.updated_at ?? null,
    quotaLimit: row?.quota_limit ?? null, quotaUsed: row?.quota_used ?? null, quotaCheckedAt: row?.quota_checked_at ?? null,
  };
}

/**
 * Saves the channel id, and the secret and token when given (left out: kept as they are). Both are
 * sealed with the key file, bound to the clinic, like the staff TOTP secrets. A new secret or token
 * needs a new check.
 */
export async function saveLineSettings(ctx: RequestContext, input: { channelId: string; channelSecret?: string | null; accessToken?: string | null; enabled: boolean }): Promise<LineSettingsView> {
  const staff = requireStaff(ctx);
  const issues: Issue[] = [];
  const channelId = input.channelId.trim();
  const secret = input.channelSecret?.trim() || null;
  const token = input.accessToken?.trim() || null;
  if (!/^\d{6,20}$/.test(channelId)) issues.push({ path: 'channelId', key: 'line_channel_id_invalid' });
  if (secret !== null && !/^[0-9a-f]{32}$/i.test(secret)) issues.push({ path: 'channelSecret', key: 'line_secret_invalid' });
  if (token !== null && !/^[A-Za-z0-9+/=._-]{20,1000}$/.test(token)) issues.push({ path: 'accessToken', key: 'line_token_invalid' });
  await writeTx(ctx, async (tx) => {
    const existing = await getLineChannel(tx, staff.clinicId);
    if (!existing && secret === null) issues.push({ path: 'channelSecret', key: 'line_secret_required' });
    if (!existing && token === null) issues.push({ path: 'accessToken', key: 'line_token_required' });
    if (issues.length > 0) throw new DomainError('validation', { issues });
    const now = ctx.clock().toISOString();
    const changedCredentials = secret !== null || token !== null || existing?.channel_id !== channelId;
    await saveLineChannel(tx, {
      clinic_id: staff.clinicId,
      channel_id: channelId,
      secret_sealed: secret !== null ? ctx.db.secrets.seal(secret, secretOwner(staff.clinicId)) : existing!.secret_sealed,
      token_sealed: token !== null ? ctx.db.secrets.seal(token, tokenOwner(staff.clinicId)) : existing!.token_sealed,
      enabled: input.enabled ? 1 : 0,
      bot_basic_id: changedCredentials ? null : (existing?.bot_basic_id ?? null),
      bot_name: changedCredentials ? null : (existing?.bot_name ?? null),
      checked_at: changedCredentials ? null : (existing?.checked_at ?? null),
      check_error: changedCredentials ? null : (existing?.check_error ?? null),
      quota_limit: existing?.quota_limit ?? null,
      quota_used: existing?.quota_used ?? null,
      quota_checked_at: changedCredentials ? null : (existing?.quota_checked_at ?? null),
      updated_at: now,
      updated_by: staff.staffId,
    });
    await audit(ctx, tx, {
      action: 'line.settings.save', resource: 'line_channel',
      detail: [secret !== null ? 'secret' : null, token !== null ? 'token' : null, input.enabled ? 'enabled' : 'disabled'].filter(Boolean).join(','),
    });
  });
  return getLineSettings(ctx);
}

/**
 * Checks the saved channel with a harmless call (the account's own profile, `GET /v2/bot/info`)
 * and records the answer; the account's LINE id it learns makes the "add friend" links.
 */
export async function checkLineChannel(ctx: RequestContext): Promise<LineSettingsView> {
  const staff = requireStaff(ctx);
  const ch = await loadLineChannel(ctx, ctx.db.db, staff.clinicId);
  if (!ch) throw new DomainError('invalid_state', { key: 'line_not_configured' });
  let result: { basicId: string | null; name: string | null; error: string | null };
  let quota: { limit: number | null; used: number } | null = null;
  try {
    const api = lineApiFor(ctx, ch);
    const info = await api.botInfo();
    result = { basicId: info.basicId, name: info.displayName, error: null };
    quota = await api.quota().catch(() => null);
  } catch (e) {
    result = { basicId: null, name: null, error: e instanceof LineApiError ? e.message : 'LINE API: unknown error' };
  }
  await writeTx(ctx, async (tx) => {
    await setLineChannelCheck(tx, { clinicId: staff.clinicId, now: ctx.clock().toISOString(), ...result });
    if (quota) await setLineQuota(tx, { clinicId: staff.clinicId, ...quota, now: ctx.clock().toISOString() });
    await audit(ctx, tx, { action: 'line.settings.check', resource: 'line_channel', outcome: result.error ? 'failure' : 'success', detail: result.error });
  });
  return getLineSettings(ctx);
}
