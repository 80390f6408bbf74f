import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useClinicFacts, useSaveClinicFacts, type ClinicFactsView } from './setup-api.ts';
import './setup.css';

/** `/settings/clinic`: the clinic's name, address, phone and registration number, used everywhere patients see them. */
export function ClinicFactsPage(): ReactNode {
  const { t } = useTranslation();
  const facts = useClinicFacts();
  if (facts.isPending) return <Loading />;
  if (facts.error) return <ErrorMessage error={facts.error} />;
  return (
    <Page title={t('clinicSetup.factsTitle')}>
      <p className="lead">{t('clinicSetup.factsIntro')}</p>
      <FactsForm facts={facts.data} />
    </Page>
  );
}

function FactsForm({ facts }: { readonly facts: ClinicFactsView }): ReactNode {
  const { t } = useTranslation();
  const save = useSaveClinicFacts();
  const [name, setName] = useState(facts.name);
  const [address, setAddress] = useState(facts.address ?? '');
  const [phone, setPhone] = useState(facts.phone);
  const [registrationNumber, setRegistrationNumber] = useState(facts.registrationNumber ?? '');
  const errs = fieldErrors(save.error);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // The saved facts come back normalised (the phone as 03-1234-5678): show them as stored.
    save.mutate(
      { name, address, phone, registrationNumber },
      {
        onSuccess: (f) => {
          setName(f.name);
          setAddress(f.address ?? '');
          setPhone(f.phone);
          setRegistrationNumber(f.registrationNumber ?? '');
        },
      },
    );
  };
  return (
    <form className="card form setup-form" onSubmit={submit} noValidate aria-labelledby="facts-title">
      <h2 id="facts-title" className="visually-hidden">
        {t('clinicSetup.factsTitle')}
      </h2>
      {save.isSuccess ? <Alert tone="success">{t('clinicSetup.saved')}</Alert> : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <TextField label={t('clinicSetup.name')} required autoComplete="organization" value={name} error={errs.name} onChange={(e) => setName(e.target.value)} />
      <TextField label={t('clinicSetup.address')} autoComplete="street-address" value={address} error={errs.address} onChange={(e) => setAddress(e.target.value)} />
      <TextField label={t('clinicSetup.phone')} type="tel" autoComplete="tel" hint={t('clinicSetup.phoneHint')} value={phone} error={errs.phone} onChange={(e) => setPhone(e.target.value)} />
      <TextField
        label={t('clinicSetup.registrationNumber')}
        hint={t('clinicSetup.registrationHint')}
        autoComplete="off"
        spellCheck={false}
        value={registrationNumber}
        error={errs.registrationNumber}
        onChange={(e) => setRegistrationNumber(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? t('common.working') : t('clinicSetup.saveFacts')}
        </button>
      </div>
    </form>
  );
}
