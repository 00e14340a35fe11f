import { t } from '@/utils/text/messages';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PypiHost } from '@/utils/pypi/hosts';
import { afterSteps, caveatsFor, REQUEST_RESET_STEP_ID, resolveSteps, whyNotSupport, type Answers, type DecisionFacts, type Leaf, type Step } from '@/utils/recovery/decision';
import { Section, StepList, type PageEffects } from './ui';

/**
 * The fastest way back in, its steps on PyPI, and what to do once in. On the support path the
 * steps are the request's own three (RequestStep), and what follows the request waits, folded,
 * in AfterSection: this card then only says why.
 */
export function PathStep({
  leaf,
  answers,
  host,
  username,
  facts,
  effects,
  children,
}: {
  leaf: Leaf;
  answers: Answers;
  host: PypiHost;
  username: string;
  facts: DecisionFacts | undefined;
  effects: PageEffects;
  /** On the support path: the request's three steps, in this card under its summary. */
  children?: ComponentChildren;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [leaf.id]);
  const caveats = caveatsFor(answers, facts);
  const why = whyNotSupport(leaf.id, answers);
  // The reset page gets the username through the background, not the URL: it stays out of PyPI's logs.
  const onFollow = (step: Step) => {
    if (step.id === REQUEST_RESET_STEP_ID && username) effects.expectPasswordReset(host, username);
  };
  return (
    <Section step="path" title={leaf.title} headingRef={headingRef}>
      <div data-path={leaf.path} data-leaf={leaf.id}>
        <p>{leaf.summary}</p>
        {why.length > 0 ? (
          <div class="note" data-why-not-support>
            <h3>{t('path_why_not_support')}</h3>
            {why.map((reason) => (
              <p key={reason.id} data-why={reason.id}>
                {reason.text}
              </p>
            ))}
          </div>
        ) : null}
        {caveats.length > 0 ? (
          // The note wraps the list: a role on the <ul> itself would take its items out of a list.
          <div role="note" aria-label={t('path_check_first')}>
            <ul class="caveats">
              {caveats.map((caveat) => (
                <li key={caveat.id} data-caveat={caveat.id}>
                  {caveat.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {leaf.path === 'support-request' ? null : (
          <>
            <h3>{t('path_steps')}</h3>
            <StepList steps={resolveSteps(leaf.steps, host)} onFollow={onFollow} />
            <h3>{t('path_once_back_in')}</h3>
            <div data-after-steps>
              <StepList steps={afterSteps(leaf.id, answers, host)} />
            </div>
          </>
        )}
      </div>
      {children}
    </Section>
  );
}
