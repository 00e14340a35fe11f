import { describe, expect, it } from 'vitest';
import { LOOKALIKE_PROBE_ID, optInState, probeRegistration, reconcile, turnOff, turnOn } from '@/utils/prompts/lookalike/opt-in';
import { fakeOptInApi } from './opt-in-fake';

describe('the look-alike opt-in', () => {
  it('is off until the probe is registered and can run', async () => {
    expect(await optInState(fakeOptInApi().api)).toBe('off');
    expect(await optInState(fakeOptInApi({ access: true }).api)).toBe('off');
    expect(await optInState(fakeOptInApi({ registered: true }).api)).toBe('off');
    expect(await optInState(fakeOptInApi({ access: true, registered: true }).api)).toBe('on');
  });

  it('turns on only when the user grants access, then registers the probe once', async () => {
    const declined = fakeOptInApi({ grants: false });
    expect(await turnOn(declined.api, declined.api.requestAccess())).toBe('declined');
    expect(declined.calls).toEqual(['request']);
    expect(declined.state.registered).toBe(false);

    const granted = fakeOptInApi();
    expect(await turnOn(granted.api, granted.api.requestAccess())).toBe('on');
    expect(granted.calls).toEqual(['request', 'register']);
    expect(await optInState(granted.api)).toBe('on');
    // The background, told of the new access, registers too: no duplicate, no error.
    expect(await reconcile(granted.api)).toBe('on');
    expect(granted.calls).toEqual(['request', 'register']);
  });

  it('tolerates the options page and the background registering at the same moment', async () => {
    const both = fakeOptInApi({ access: true });
    const [fromPage, fromBackground] = await Promise.allSettled([turnOn(both.api, Promise.resolve(true)), reconcile(both.api)]);
    expect(fromPage).toEqual({ status: 'fulfilled', value: 'on' });
    expect(fromBackground).toEqual({ status: 'fulfilled', value: 'on' });
    expect(both.state.registered).toBe(true);
  });

  it('takes Chrome’s race errors for what they say: a registration still in flight elsewhere, or one already removed', async () => {
    // Chrome lists a registration only once it is done, so the loser of the race sees an empty list
    // and then "Duplicate script ID" (seen in e2e: the background registers on permissions.onAdded).
    const inFlight = fakeOptInApi({ access: true });
    inFlight.api.isRegistered = async () => false;
    inFlight.api.register = async () => {
      throw new Error(`Duplicate script ID '${LOOKALIKE_PROBE_ID}'`);
    };
    expect(await turnOn(inFlight.api, Promise.resolve(true))).toBe('on');

    const removed = fakeOptInApi({ access: true, registered: true });
    removed.api.unregister = async () => {
      throw new Error(`Nonexistent script ID '${LOOKALIKE_PROBE_ID}'`);
    };
    expect(await turnOff(removed.api)).toBe('off');

    // Any other failure still says so.
    const broken = fakeOptInApi({ access: true });
    broken.api.register = async () => {
      throw new Error('Script with ID x has invalid match patterns');
    };
    await expect(turnOn(broken.api, Promise.resolve(true))).rejects.toThrow('invalid match');
  });

  it('turns off by unregistering first, then giving the access back; stays on when the browser keeps it', async () => {
    const on = fakeOptInApi({ access: true, registered: true });
    expect(await turnOff(on.api)).toBe('off');
    expect(on.calls).toEqual(['unregister', 'release']);
    expect(on.state).toEqual({ access: false, registered: false });

    const kept = fakeOptInApi({ access: true, registered: true, releaseFails: true });
    expect(await turnOff(kept.api)).toBe('still-on');
    expect(kept.state).toEqual({ access: true, registered: true });
  });

  it('follows the access: registers again after an update dropped the probe, unregisters once access is taken back', async () => {
    const dropped = fakeOptInApi({ access: true, registered: false });
    expect(await reconcile(dropped.api)).toBe('on');
    expect(dropped.state.registered).toBe(true);
    const revoked = fakeOptInApi({ registered: true });
    expect(await reconcile(revoked.api)).toBe('off');
    expect(revoked.state.registered).toBe(false);
    const off = fakeOptInApi();
    expect(await reconcile(off.api)).toBe('off');
    expect(off.calls).toEqual([]);
  });

  it('registers the probe on every site but PyPI and the declared look-alikes, kept across restarts', () => {
    const registration = probeRegistration();
    expect(registration).toMatchObject({ id: LOOKALIKE_PROBE_ID, js: ['/lookalike-probe.js'], matches: ['*://*/*'], allFrames: false, persistAcrossSessions: true, runAt: 'document_idle' });
    expect(registration.excludeMatches).toContain('*://*.pypi.org/*');
    expect(registration.excludeMatches).toContain('*://*.pypl.org/*');
  });
});
