/** @jsxImportSource preact */
import { useEffect, useRef } from 'preact/hooks';
import { intakeConditionContext } from '@mimamori/core/intake/intake-visibility';
import type { Lang } from '../shared/i18n.ts';
import { CrisisPanel } from '../crisis/crisis-panel.tsx';
import { INTAKE_MESSAGES } from './intake-i18n.ts';
import { IntakeGroupScreen } from './intake-group-screen.tsx';
import { IntakeIntro } from './intake-intro.tsx';
import { fieldId } from './field-bits.tsx';
import { IntakeNotice } from './intake-notice.tsx';
import { IntakeProgress } from './intake-progress.tsx';
import { IntakeReview } from './intake-review.tsx';
import { useIntake } from './use-intake.ts';
import './intake.css';

/**
 * The WEB問診 on the patient's phone: one screen per question group, a progress bar, autosave to
 * the server (nothing typed is lost, valid or not), resume at the right screen from any device,
 * and an idempotent submit.
 */
export function IntakePage({
  intakeId,
  lang,
  setClinicName,
}: {
  readonly intakeId: string;
  readonly lang: Lang;
  readonly setClinicName: (n: string) => void;
}) {
  const t = INTAKE_MESSAGES[lang];
  const intake = useIntake({ intakeId, t, setClinicName });
  const { state, data, vis, values, screen, progress, index } = intake;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A question chosen on the review is brought into view; otherwise the screen starts at its heading.
    const target = screen.kind === 'group' && screen.focus ? document.getElementById(fieldId(screen.focus)) : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
      return;
    }
    headingRef.current?.focus();
    window.scrollTo(0, 0);
  }, [screen]);

  if (state === 'loading') {
    // The welcome text needs no data: it is drawn at once (the server has it in the HTML already),
    // so the page is readable while the form loads. It is the welcome screen's own component in the
    // same place, so that its elements stay when the form has come.
    return (
      <section class="intake" aria-busy="true">
        {null}
        <IntakeIntro title={undefined} started={false} resume={() => undefined} progress={null} headingRef={headingRef} lang={lang} t={t} loading />
      </section>
    );
  }
  if (state !== 'ready' || !data || !vis) {
    const msg = state === 'session' ? t.sessionEnded : state === 'other' ? t.otherPatient : t.loadFailed;
    return (
      <section class="panel panel--notice">
        <h1>{t.title}</h1>
        <p role="alert">{msg}</p>
      </section>
    );
  }

  const groups = vis.groups;
  const total = groups.length;
  const completeIds = new Set((progress?.groups ?? []).filter((g) => g.complete).map((g) => g.groupId));
  const done = groups.filter((g) => completeIds.has(g.group.id)).length;
  // First in every screen's section, so that the panel (and the contacts it loaded) stays put as
  // the patient moves between screens.
  const crisisPanel = intake.crisis ? <CrisisPanel lang={lang} /> : null;
  const progressBar = <IntakeProgress t={t} at={screen.kind === 'group' ? index + 1 : done} done={done} total={total} />;
  const notice = <IntakeNotice notice={intake.notice} />;

  if (screen.kind === 'done') {
    return (
      <section class="intake">
        {crisisPanel}
        <h1 ref={headingRef} tabIndex={-1}>
          {t.doneTitle}
        </h1>
        <p>{t.doneBody}</p>
      </section>
    );
  }

  if (screen.kind === 'intro') {
    const started = Object.keys(values).length > 0;
    const resumeAt =
      progress?.currentGroupId && groups.some((g) => g.group.id === progress.currentGroupId) ? progress.currentGroupId : null;
    return (
      <section class="intake">
        {crisisPanel}
        <IntakeIntro
          title={data.definition.title}
          started={started}
          resume={() =>
            started
              ? resumeAt
                ? intake.goGroup(resumeAt)
                : intake.setScreen({ kind: 'review' })
              : groups[0] && intake.goGroup(groups[0].group.id)
          }
          progress={progressBar}
          headingRef={headingRef}
          lang={lang}
          t={t}
        />
      </section>
    );
  }

  if (screen.kind === 'review') {
    return (
      <section class="intake">
        {crisisPanel}
        <IntakeReview
          groups={groups}
          values={values}
          rowContext={intakeConditionContext(vis, values, data.intake.audience)}
          completeIds={completeIds}
          goGroup={intake.goGroup}
          back={intake.back}
          submit={() => void intake.submit()}
          submitting={intake.busy === 'submitting'}
          busy={intake.busy !== 'idle'}
          progress={progressBar}
          notice={notice}
          headingRef={headingRef}
          lang={lang}
          t={t}
        />
      </section>
    );
  }

  const current = groups[index];
  if (!current) {
    // The screen was hidden by an answer change (e.g. an age): go on to the review.
    return (
      <section class="intake">
        <div class="actions">
          <button type="button" class="btn btn--primary" onClick={() => intake.setScreen({ kind: 'review' })}>
            {t.toReview}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section class="intake">
      {crisisPanel}
      <IntakeGroupScreen
        section={current.section}
        group={current.group}
        questions={current.questions}
        values={values}
        setValue={intake.setValue}
        errors={intake.errors}
        errorRef={intake.errorRef}
        scales={data.scales}
        rowContext={intakeConditionContext(vis, values, data.intake.audience)}
        next={() => void intake.next()}
        back={intake.back}
        backToReview={screen.kind === 'group' && screen.fromReview ? () => void intake.next({ toReview: true }) : undefined}
        busy={intake.busy !== 'idle'}
        saving={intake.busy === 'saving'}
        last={index === total - 1}
        progress={progressBar}
        notice={notice}
        headingRef={headingRef}
        lang={lang}
        t={t}
      />
    </section>
  );
}
