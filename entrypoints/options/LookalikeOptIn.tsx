import { useEffect, useState } from 'preact/hooks';
import { browserLookalikeOptInApi } from '@/utils/prompts/lookalike/browser-api';
import { optInState, turnOff, turnOn, type LookalikeOptInApi } from '@/utils/prompts/lookalike/opt-in';

type Shown = 'loading' | 'on' | 'off' | 'unavailable';

const SAID = {
  on: 'Look-alike check on every site is on.',
  declined: 'Nothing changed: the browser did not give PyPI Guard access to all sites.',
  off: 'Look-alike check on every site is off, and PyPI Guard gave back its access to all sites.',
  'still-on':
    'The browser kept PyPI Guard’s access to all sites, so the look-alike check stays on. To turn it off, remove that access in the browser’s extension settings.',
  failed: 'That did not work. Reload this page and try again; if it keeps failing, restart the browser.',
} as const;

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
        announce(SAID[result]);
        setShown(result === 'declined' || result === 'off' ? 'off' : 'on');
      } catch {
        announce(SAID.failed);
        setShown(await optInState(api).catch((): Shown => 'unavailable'));
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <section aria-labelledby="lookalike-heading" data-section="lookalike-opt-in">
      <h2 id="lookalike-heading">Look-alike sites</h2>
      <p>
        PyPI Guard warns you on twelve known look-alikes of pypi.org (such as <code>pypl.org</code> and <code>pypi.com</code>) without any access to other sites. Sites
        named like <code>pypi.org.example.com</code>, or written with look-alike letters from other alphabets (<code>xn--</code> addresses), can be anything: to
        catch those, PyPI Guard has to see the address of every page you open.
      </p>
      <label class="choice">
        <input
          type="checkbox"
          checked={shown === 'on'}
          disabled={busy || shown === 'loading' || shown === 'unavailable'}
          onClick={(event) => change(event.currentTarget.checked)}
        />
        Warn on every site that looks like PyPI
        <span class="hint">
          Asks the browser for access to all sites. A 3 KB script reads each page’s address on this computer and does nothing else unless the address imitates
          pypi.org and the page asks for a password; then it shows the warning. Nothing is sent anywhere. Turning it off gives the access back.
        </span>
      </label>
      {shown === 'unavailable' && <p class="hint">Not available in this browser.</p>}
    </section>
  );
}
