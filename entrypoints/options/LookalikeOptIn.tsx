import { useEffect, useState } from 'preact/hooks';
import { browserLookalikeOptInApi } from '@/utils/prompts/lookalike/browser-api';
import { optInState, turnOff, turnOn, type LookalikeOptInApi } from '@/utils/prompts/lookalike/opt-in';
import { t, type MessageId } from '@/utils/text/messages';
import { RichText, CODE_PARTS } from '@/components/RichText';

type Shown = 'loading' | 'on' | 'off' | 'unavailable';

const SAID = {
  on: 'options_lookalike_on',
  declined: 'options_lookalike_declined',
  off: 'options_lookalike_off',
  'still-on': 'options_lookalike_still_on',
  failed: 'options_lookalike_failed',
} as const satisfies Record<string, MessageId>;

/**
 * "Warn on every site that looks like PyPI": the opt-in behind utils/prompts/lookalike/opt-in.ts.
 * The browser asks the user for access to all sites when it is turned on (from this click, as
 * browsers require) and PyPI Guard gives it back when it is turned off.
 */
export function LookalikeOptIn({ announce, api = browserLookalikeOptInApi }: { announce(message: string): void; api?: LookalikeOptInApi }) {
  const [shown, setShown] = useState<Shown>('loading');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    optInState(api).then(setShown, () => setShown('unavailable'));
  }, [api]);

  const change = (wanted: boolean) => {
    // The access request must start here, inside the click, before anything else is awaited.
    const access = wanted ? api.requestAccess() : null;
    setBusy(true);
    void (async () => {
      try {
        const result = access ? await turnOn(api, access) : await turnOff(api);
        announce(t(SAID[result]));
        setShown(result === 'declined' || result === 'off' ? 'off' : 'on');
      } catch {
        announce(t(SAID.failed));
        setShown(await optInState(api).catch((): Shown => 'unavailable'));
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <section aria-labelledby="lookalike-heading" data-section="lookalike-opt-in">
      <h2 id="lookalike-heading">{t('options_lookalike_title')}</h2>
      <p>
        <RichText text={t('options_lookalike_intro')} parts={CODE_PARTS} />
      </p>
      <label class="choice">
        <input
          type="checkbox"
          checked={shown === 'on'}
          disabled={busy || shown === 'loading' || shown === 'unavailable'}
          onClick={(event) => change(event.currentTarget.checked)}
        />
        {t('options_lookalike_switch')}
        <span class="hint">{t('options_lookalike_hint')}</span>
      </label>
      {shown === 'unavailable' && <p class="hint">{t('options_lookalike_unavailable')}</p>}
    </section>
  );
}
