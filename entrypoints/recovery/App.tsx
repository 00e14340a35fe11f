import { t, type MessageId } from '@/utils/text/messages';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { walk, type Answers, type QuestionId } from '@/utils/recovery/decision';
import { decisionFactsOf, recoveryFactsOf, type RecoveryAccountFacts } from '@/utils/recovery/facts';
import { whatHappened } from '@/utils/recovery/request';
import { listRequests } from '@/utils/recovery/tracker';
import { getAccount, getAccounts, getEmailDomainRecords, getEvents } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import { accountIdOf, type AccountRecord, type RecoveryRequest } from '@/utils/store/types';
import { AccountStep, type ChosenAccount } from './AccountStep';
import { PathStep } from './PathStep';
import { QuestionsStep } from './QuestionsStep';
import { RequestStep } from './RequestStep';
import { AfterRequestSection, EvidenceSection, TrackerSection } from './Sections';
import { answersKnownFrom, parseRecoveryQuery } from '@/utils/recovery/query';
import { browserEffects, type PageEffects } from './ui';

export interface AppProps {
  /** The extension's store; null when IndexedDB is unavailable (the page still works, typed by hand). */
  db: PypiGuardDb | null;
  /** `location.search`: `?host=…&username=…&from=popup|prompt|reminder&intent=evidence` (see utils/recovery/query.ts). */
  search: string;
  effects?: Partial<PageEffects>;
}

/** The page's opening line, by where the user came from. */
const INTRO: Record<string, MessageId> = { prompt: 'recovery_intro_prompt', reminder: 'recovery_intro_reminder' };

/** `evidence`: the kit at once, for a user who can still sign in; `recover`: the questions for one who cannot. */
type Mode = 'evidence' | 'recover';

export function App({ db, search, effects: injected }: AppProps) {
  const effects = useMemo<PageEffects>(() => ({ ...browserEffects(), ...injected }), [injected]);
  const query = useMemo(() => parseRecoveryQuery(search), [search]);
  // What the opening page already knows is not asked again (shown among the answers, changeable).
  const known = useMemo(() => answersKnownFrom(query.from), [query.from]);

  const [accounts, setAccounts] = useState<AccountRecord[] | null>(db ? null : []);
  const [requests, setRequests] = useState<RecoveryRequest[]>([]);
  const [chosen, setChosen] = useState<ChosenAccount | null>(query.host && query.username ? { host: query.host, username: query.username } : null);
  const [facts, setFacts] = useState<RecoveryAccountFacts | undefined>(undefined);
  const [factsVersion, setFactsVersion] = useState(0);
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(Object.entries(known).map(([question, answer]) => [question, answer.value])) as Answers);
  const [mode, setMode] = useState<Mode>(query.intent === 'evidence' ? 'evidence' : 'recover');
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!db) return;
    void getAccounts(db)
      .then((all) => setAccounts(all.sort((a, b) => b.lastSeenAt - a.lastSeenAt)))
      .catch(() => setAccounts([]));
  }, [db]);

  const reloadRequests = useCallback(() => {
    if (db) void listRequests(db).then(setRequests, () => undefined);
  }, [db]);
  useEffect(reloadRequests, [reloadRequests]);

  useEffect(() => {
    setFacts(undefined);
    if (!db || !chosen) return;
    const id = accountIdOf(chosen.host, chosen.username);
    let current = true;
    void Promise.all([getAccount(db, id), getEvents(db, id), getEmailDomainRecords(db)])
      .then(([account, events, emailDomains]) => {
        if (current) setFacts(account ? recoveryFactsOf(account, events, emailDomains, effects.now()) : undefined);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [db, chosen, factsVersion, effects]);

  const result = walk(answers);
  const leaf = chosen && result.kind === 'leaf' ? result.leaf : null;
  const routeAnswers = result.kind === 'leaf' ? result.answers : answers;
  const decisionFacts = decisionFactsOf(facts);
  const username = facts?.username ?? chosen?.username ?? '';

  const onAnswer = (question: QuestionId, value: string) => setAnswers((previous) => ({ ...previous, [question]: value }));
  const onChangeFrom = (index: number) => {
    // Keep only the answers before the changed one: an old answer must not skip a question silently.
    const kept: Record<string, string> = {};
    for (const step of result.route.slice(0, index)) kept[step.question] = step.answer;
    setAnswers(kept as Answers);
  };

  const followUp = query.from === 'reminder';
  // A request for this account is filed (submitted, answered or resolved): what follows it unfolds.
  const filed =
    chosen !== null &&
    requests.some((request) => request.host === chosen.host && request.username.toLowerCase() === username.toLowerCase() && request.status !== 'drafted');
  const tracker =
    db && (followUp || requests.length > 0) ? (
      <TrackerSection requests={requests} db={db} effects={effects} announce={setAnnouncement} followUp={followUp} onChanged={reloadRequests} />
    ) : null;
  const onFactsChanged = () => setFactsVersion((v) => v + 1);

  const accountStep =
    db && accounts === null && !chosen ? (
      <p class="muted" data-loading>
        {t('recovery_loading')}
      </p>
    ) : (
      <AccountStep accounts={accounts ?? []} chosen={chosen} initialHost={query.host} onChoose={setChosen} onChange={() => setChosen(null)} />
    );

  if (mode === 'evidence') {
    return (
      <main class="recovery" data-mode="evidence">
        <header>
          <h1>{t('recovery_evidence_title')}</h1>
          <p>{t('recovery_evidence_intro')}</p>
        </header>
        {accountStep}
        {chosen ? (
          <EvidenceSection
            key={accountIdOf(chosen.host, username)}
            host={chosen.host}
            username={username}
            facts={facts}
            reason=""
            ahead
            effects={effects}
            announce={setAnnouncement}
            db={db}
            onFactsChanged={onFactsChanged}
          />
        ) : null}
        <section class="card" data-step="locked-out" aria-labelledby="locked-out-heading">
          <h2 id="locked-out-heading">{t('recovery_locked_out_title')}</h2>
          <p>
            {t('recovery_locked_out_text')}{' '}
            <button type="button" class="button button--small" data-action="start-recovery" onClick={() => setMode('recover')}>
              {t('recovery_start')}
            </button>
          </p>
        </section>
        {tracker}
        <p class="toast" role="status" aria-live="polite" data-announce>
          {announcement}
        </p>
      </main>
    );
  }

  return (
    <main class="recovery" data-mode="recover">
      <header>
        <h1>{t('recovery_title')}</h1>
        <p>{t((query.from && INTRO[query.from]) || 'recovery_intro_default')}</p>
      </header>

      {followUp ? tracker : null}

      {accountStep}

      {chosen ? <QuestionsStep walk={result} facts={decisionFacts} known={known} onAnswer={onAnswer} onChangeFrom={onChangeFrom} /> : null}

      {chosen && leaf ? (
        <PathStep leaf={leaf} answers={routeAnswers} host={chosen.host} username={username} facts={decisionFacts} effects={effects}>
          {leaf.path === 'support-request' ? (
            <RequestStep
              key={accountIdOf(chosen.host, username)}
              host={chosen.host}
              username={username}
              answers={routeAnswers}
              facts={facts}
              effects={effects}
              announce={setAnnouncement}
              db={db}
              requests={requests}
              onTracked={reloadRequests}
            />
          ) : null}
        </PathStep>
      ) : null}

      {chosen && leaf?.path === 'support-request' ? (
        <>
          <AfterRequestSection
            filed={filed}
            leafId={leaf.id}
            host={chosen.host}
            username={username}
            facts={facts}
            answers={routeAnswers}
            db={db}
            effects={effects}
            onFactsChanged={onFactsChanged}
            evidence={
              <EvidenceSection
                host={chosen.host}
                username={username}
                facts={facts}
                reason={whatHappened(routeAnswers, facts).join(' ')}
                ahead={false}
                nested
                effects={effects}
                announce={setAnnouncement}
                db={db}
                onFactsChanged={onFactsChanged}
              />
            }
          />
        </>
      ) : null}

      {chosen && leaf && leaf.path !== 'support-request' ? (
        <EvidenceSection
          host={chosen.host}
          username={username}
          facts={facts}
          reason={whatHappened(routeAnswers, facts).join(' ')}
          ahead
          effects={effects}
          announce={setAnnouncement}
          db={db}
          onFactsChanged={onFactsChanged}
        />
      ) : null}

      {followUp ? null : tracker}

      <p class="toast" role="status" aria-live="polite" data-announce>
        {announcement}
      </p>
    </main>
  );
}

