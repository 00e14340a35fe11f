import { useEffect, useRef } from 'preact/hooks';
import type { PypiHost } from '@/utils/pypi/hosts';
import { afterSteps, caveatsFor, resolveSteps, type Answers, type DecisionFacts, type Leaf } from '@/utils/recovery/decision';
import { Section, StepList } from './ui';

/** Step 3: the fastest way back in, its steps on PyPI, and what to do once in. */
export function PathStep({ leaf, answers, host, facts }: { leaf: Leaf; answers: Answers; host: PypiHost; facts: DecisionFacts | undefined }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [leaf.id]);
  const caveats = caveatsFor(answers, facts);
  return (
    <Section step="path" title={leaf.title} headingRef={headingRef}>
      <div data-path={leaf.path} data-leaf={leaf.id}>
        <p>{leaf.summary}</p>
        {caveats.length > 0 ? (
          <ul class="caveats" role="note" aria-label="Check this first">
            {caveats.map((caveat) => (
              <li key={caveat.id} data-caveat={caveat.id}>
                {caveat.text}
              </li>
            ))}
          </ul>
        ) : null}
        <h3>Steps</h3>
        <StepList steps={resolveSteps(leaf.steps, host)} />
        <h3>{leaf.path === 'support-request' ? 'Once the admins have restored access' : 'Once you are back in'}</h3>
        <div data-after-steps>
          <StepList steps={afterSteps(leaf.id, answers, host)} />
        </div>
      </div>
    </Section>
  );
}
