import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { useSaveConfig, useSchedulingConfig } from '../appointments/appointments-api.ts';

export interface ConfigSaver {
  /** `saved` words the success message from the server's answer (default: 「保存しました」). */
  readonly run: (path: string, body: unknown, saved?: (answer: unknown) => string) => Promise<void>;
  readonly busy: boolean;
  /** The error to show; a version conflict is not one (the page reloads instead). */
  readonly error: unknown;
  readonly issues: Readonly<Record<string, string>>;
  readonly message: string | null;
}

/**
 * Saves one part of the scheduling settings. A stale save (someone else saved first) reloads the
 * settings and calls `onStale`, so the page starts its forms again from them instead of overwriting
 * the other change with an old copy.
 */
export function useConfigSaver(onStale: () => void): ConfigSaver {
  const { t } = useTranslation();
  const save = useSaveConfig();
  const [message, setMessage] = useState<string | null>(null);
  const config = useSchedulingConfig();
  const run = async (path: string, body: unknown, saved?: (answer: unknown) => string): Promise<void> => {
    setMessage(null);
    try {
      const answer = await save.mutateAsync({ path, body });
      setMessage(saved ? saved(answer) : t('calAdmin.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        await config.refetch();
        onStale();
      }
    }
  };
  const error = save.error instanceof ApiError && save.error.code === 'conflict' ? null : save.error;
  return { run, busy: save.isPending, error, issues: fieldErrors(save.error), message };
}
