import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/field.tsx';

/** The 6-digit authenticator code: numeric keyboard, one-time-code autofill, digits only. */
export function TotpCodeField({ value, onChange }: { readonly value: string; readonly onChange: (code: string) => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('auth.code')}
      hint={t('auth.codeHint')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
    />
  );
}

/** Current password and authenticator code, as signing in and re-authenticating ask for them. */
export function PasswordAndCodeFields(props: {
  readonly password: string;
  readonly onPassword: (password: string) => void;
  readonly code: string;
  readonly onCode: (code: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={props.password}
        onChange={(e) => props.onPassword(e.target.value)}
      />
      <TotpCodeField value={props.code} onChange={props.onCode} />
    </>
  );
}
