import { FACT_NAMES } from '@/utils/audit/unreadable';
import { READER_MISSES, type ReadableFact } from '@/utils/pypi/snapshot';
import type { AccountRecord, UnreadableFact } from '@/utils/store';
import type { SectionProps } from './App';
import { formatDateTime } from '@/utils/text/format';
import { t } from '@/utils/text/messages';
import { RichText } from '@/components/RichText';

interface ReaderProblem {
  account: AccountRecord;
  fact: ReadableFact;
  problem: UnreadableFact;
}

function problemsOf(accounts: readonly AccountRecord[]): ReaderProblem[] {
  return accounts
    .flatMap((account) => Object.entries(account.unreadable ?? {}).map(([fact, problem]) => ({ account, fact: fact as ReadableFact, problem: problem! })))
    .sort((a, b) => b.problem.seenAt - a.problem.seenAt);
}

/**
 * The problems as plain text for a bug report: PyPI Guard's version, the host, the kind of page and
 * its language, the fact and the markup that was missing, the day. Never a username, a secret or
 * anything the page said: the stored problem holds only codes from fixed lists.
 */
export function readerProblemReport(accounts: readonly AccountRecord[]): string {
  return problemsOf(accounts)
    .map(
      ({ account, fact, problem }) =>
        `PyPI Guard ${problem.version} · ${account.host} ${problem.pageKind} page (language ${account.locale ?? 'unknown'}) · ${FACT_NAMES[fact]}: missing ${READER_MISSES[problem.missing]} · ${new Date(problem.seenAt).toISOString().slice(0, 10)}`,
    )
    .join('\n');
}

/** Pages PyPI Guard recognised but could not read, listed for the user and for a bug report. */
export function ReaderProblems({ data }: Pick<SectionProps, 'data'>) {
  const accounts = data.input.accounts.map(({ account }) => account);
  const problems = problemsOf(accounts);
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="reader-problems-heading" data-section="reader-problems">
      <h2 id="reader-problems-heading">{t('options_reader_title')}</h2>
      <p class="hint">{t('options_reader_hint')}</p>
      <ul class="cards">
        {problems.map(({ account, fact, problem }) => (
          <li key={`${account.id}|${fact}`} data-reader-problem={fact}>
            {/* The fact, the missing markup and the page kind stay English: they are codes a bug report quotes. */}
            <RichText
              text={t('options_reader_problem', {
                fact: FACT_NAMES[fact],
                username: account.username,
                host: account.host,
                missing: READER_MISSES[problem.missing],
                page: problem.pageKind,
                when: formatDateTime(problem.seenAt),
                version: problem.version,
              })}
              parts={{ 1: (name) => <strong>{name}</strong> }}
            />
          </li>
        ))}
      </ul>
      <label for="reader-problem-report">{t('options_reader_report_label')}</label>
      <textarea id="reader-problem-report" readOnly rows={Math.min(6, problems.length + 1)} data-bug-report value={readerProblemReport(accounts)} />
    </section>
  );
}
