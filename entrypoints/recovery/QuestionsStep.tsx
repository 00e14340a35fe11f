import { t } from '@/utils/text/messages';
import { useEffect, useRef, useState } from 'preact/hooks';
import { QUESTIONS, hintsFor, type DecisionFacts, type QuestionId, type Walk } from '@/utils/recovery/decision';
import type { KnownAnswers } from '@/utils/recovery/query';
import { Section } from './ui';

function labelOf(question: QuestionId, value: string): string {
  return QUESTIONS[question].options.find((option) => option.value === value)?.label ?? value;
}

/**
 * One question at a time, answered ones listed above with a way to change them. A radio choice is
 * confirmed with "Next" so arrow keys can move between options without jumping ahead. Answers the
 * opening page gave (`known`) are listed with how PyPI Guard knows them, and never asked.
 */
export function QuestionsStep({
  walk,
  facts,
  known = {},
  onAnswer,
  onChangeFrom,
}: {
  walk: Walk;
  facts: DecisionFacts | undefined;
  known?: KnownAnswers;
  onAnswer: (question: QuestionId, value: string) => void;
  onChangeFrom: (index: number) => void;
}) {
  const current = walk.kind === 'question' ? walk.node : null;
  const [choice, setChoice] = useState<string | null>(null);
  const legendRef = useRef<HTMLHeadingElement>(null);
  const nodeId = current?.id;

  useEffect(() => {
    setChoice(null);
  }, [nodeId]);

  // Focus follows the conversation, so a screen reader hears the new question.
  const asked = walk.route.length;
  useEffect(() => {
    if (asked > 0) legendRef.current?.focus();
  }, [nodeId, asked]);

  const question = current ? QUESTIONS[current.question] : null;
  const answered = (
    <ol class="answered">
      {walk.route.map((step, index) => (
        <li key={step.node} data-answered={step.question} data-answer={step.answer}>
          <span class="muted">{QUESTIONS[step.question].prompt}</span> <strong>{labelOf(step.question, step.answer)}</strong>{' '}
          {known[step.question]?.value === step.answer ? (
            <span class="muted" data-known>
              {known[step.question]!.because}{' '}
            </span>
          ) : null}
          <button type="button" class="button button--link" data-action={`change-${step.question}`} onClick={() => onChangeFrom(index)}>
            {t('questions_change')}
            <span class="sr-only"> {t('questions_change_context')}</span>
          </button>
        </li>
      ))}
    </ol>
  );
  const hints = current ? hintsFor(current.question, facts) : [];

  return (
    <Section step="questions" title={t('questions_title')}>
      {walk.route.length > 0 && current ? answered : null}
      {walk.route.length > 0 && !current ? (
        // The way is found: the answers fold into one line, still there to check or change.
        <details class="answered-fold" data-answers-folded>
          <summary>
            {t('questions_folded', { count: walk.route.length })}
          </summary>
          {answered}
        </details>
      ) : null}
      {current && question ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) onAnswer(current.question, choice);
          }}
        >
          <fieldset data-question={current.question} aria-describedby={hints.length > 0 ? 'question-hints' : undefined}>
            <legend>
              <h3 tabIndex={-1} ref={legendRef} class="question">
                {question.prompt}
              </h3>
            </legend>
            {question.help ? <p class="muted">{question.help}</p> : null}
            {question.options.map((option) => (
              <label key={option.value} class="choice">
                <input
                  type="radio"
                  name={current.id}
                  value={option.value}
                  data-option={option.value}
                  checked={choice === option.value}
                  onChange={() => setChoice(option.value)}
                />{' '}
                {option.label}
                {option.help ? <span class="muted option-help">{option.help}</span> : null}
              </label>
            ))}
          </fieldset>
          {hints.length > 0 ? (
            <ul id="question-hints" class="hints" aria-label={t('questions_hints_label')}>
              {hints.map((hint) => (
                <li key={hint.id} data-hint={hint.id}>
                  {hint.text}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="submit" class="button" data-action="next" disabled={!choice}>
            {t('next')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
