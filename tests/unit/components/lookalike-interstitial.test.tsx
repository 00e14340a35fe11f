import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { LookalikeInterstitial } from '@/components/prompts/LookalikeInterstitial';
import { mountLookalikeWarning, unpredictableTagName } from '@/components/prompts/mount-lookalike';
import { SaveRecoveryCodes } from '@/components/prompts/SaveRecoveryCodes';
import { PromptDock } from '@/components/prompts/PromptDock';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
import { observable } from '@/utils/prompts/observable';
import type { DrillSetup } from '@/utils/drill/page';
import { lookalikeOf } from '@/utils/prompts/lookalike/detect';
import { userClick } from '../user-click';
import { useUiLanguage } from '../../support/i18n';

afterEach(cleanup);

const warning = () => document.querySelector<HTMLElement>('[data-prompt="lookalike-host"]')!;

describe('the look-alike interstitial', () => {
  const lookalike = lookalikeOf('pypi.org.evil.example')!;

  it('names the site, says why it is not PyPI, and leads to pypi.org', () => {
    render(<LookalikeInterstitial lookalike={lookalike} continueToSite={async () => true} />);
    expect(screen.getByRole('alertdialog', { name: 'This is not PyPI' })).toBe(warning());
    expect(warning().dataset).toMatchObject({ state: 'pypi-org-in-name', step: 'warning' });
    expect(warning().querySelector('[data-field="host"]')!.textContent).toBe('pypi.org.evil.example');
    expect(warning().querySelector('[data-field="why"]')!.textContent).toContain('the site is evil.example');
    const primary = screen.getByRole('link', { name: 'Go to pypi.org' });
    expect(primary.getAttribute('href')).toBe('https://pypi.org/');
    expect(primary.getAttribute('target')).toBe('_top');
  });

  it('continues only after a second, deliberate step, and only on the user’s own clicks', async () => {
    const continueToSite = vi.fn(async () => true);
    render(<LookalikeInterstitial lookalike={lookalike} continueToSite={continueToSite} />);
    // No way to continue at first; a page script's click on the first step does nothing.
    expect(warning().querySelector('[data-action="continue"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'This is my own site…' }));
    expect(warning().dataset.step).toBe('warning');
    userClick(screen.getByRole('button', { name: 'This is my own site…' }));
    expect(warning().dataset.step).toBe('confirm');
    const proceed = screen.getByRole('button', { name: 'Continue to pypi.org.evil.example' });
    fireEvent.click(proceed);
    proceed.click();
    expect(continueToSite).not.toHaveBeenCalled();
    userClick(proceed);
    expect(continueToSite).toHaveBeenCalledTimes(1);
  });

  it('speaks the UI language, the site’s name kept as it is', () => {
    useUiLanguage('de');
    try {
      render(<LookalikeInterstitial lookalike={lookalike} continueToSite={async () => true} />);
      expect(screen.getByRole('alertdialog', { name: 'Das ist nicht PyPI' })).toBe(warning());
      expect(warning().querySelector('[data-field="host"]')!.textContent).toBe('pypi.org.evil.example');
      expect(warning().querySelector('[data-field="why"]')!.textContent).toContain('die Website ist evil.example');
      expect(screen.getByRole('link', { name: 'Zu pypi.org' }).getAttribute('href')).toBe('https://pypi.org/');
    } finally {
      useUiLanguage('en-US');
    }
  });

  it('says so when the choice could not be saved, and stays', async () => {
    render(<LookalikeInterstitial lookalike={lookalike} continueToSite={async () => false} />);
    userClick(screen.getByRole('button', { name: 'This is my own site…' }));
    userClick(screen.getByRole('button', { name: 'Continue to pypi.org.evil.example' }));
    await vi.waitFor(() => expect(warning().dataset.step).toBe('failed'));
    expect(screen.getByRole('alert').textContent).toContain('could not save your choice');
  });
});

describe('"Don’t keep drill hashes"', () => {
  it('forgets only on the user’s own click', () => {
    const forget = vi.fn(async () => undefined);
    const env = { url: new URL('https://pypi.org/'), doc: document, host: 'pypi.org', pageKind: 'recovery-codes', username: 'alice', dismissalAccount: () => ({ username: 'alice' }), signal: new AbortController().signal, now: () => 0, send: async () => null } as PromptEnv;
    const setup = observable<DrillSetup>({ status: 'stored', codeCount: 8, drillIntervalDays: 60 });
    const prompt = definePrompt({ id: 'save-recovery-codes', pages: ['recovery-codes'], dismissal: 'remember', Component: () => <SaveRecoveryCodes setup={setup} forget={forget} /> });
    render(<PromptDock env={env} prompts={[prompt]} remember={() => {}} />);
    const button = screen.getByRole('button', { name: 'Don’t keep drill hashes' });
    fireEvent.click(button);
    button.click();
    expect(forget).not.toHaveBeenCalled();
    userClick(button);
    expect(forget).toHaveBeenCalledTimes(1);
  });
});

describe('mountLookalikeWarning: the host on a hostile page', () => {
  const lookalike = lookalikeOf('pypl.org')!;
  const ctx = { onInvalidated: () => () => undefined } as unknown as Parameters<typeof mountLookalikeWarning>[0];
  const hostOf = () => [...document.documentElement.children].find((element) => element !== document.head && element !== document.body && element.localName !== 'div') as HTMLElement | undefined;
  const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));
  let mounted: { remove(): void }[] = [];
  const mount = () => {
    const warning = mountLookalikeWarning(ctx, lookalike, async () => true);
    mounted.push(warning);
    return warning;
  };
  afterEach(() => {
    for (const warning of mounted) warning.remove();
    mounted = [];
    for (const extra of document.documentElement.querySelectorAll(':scope > div')) extra.remove();
  });

  it('is the last child of <html>, under a random custom-element name, with a closed shadow root', () => {
    const first = mount();
    const host = hostOf()!;
    expect(document.documentElement.lastElementChild).toBe(host);
    expect(host.localName).toMatch(/^x[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(host.shadowRoot).toBeNull();
    first.remove();
    mount();
    expect(hostOf()!.localName).not.toBe(host.localName);
    expect(unpredictableTagName()).not.toBe(unpredictableTagName());
  });

  it('comes back when the page removes or moves it, and loses the attributes the page sets', async () => {
    mount();
    const host = hostOf()!;
    host.remove();
    await mutationsDelivered();
    expect(document.documentElement.lastElementChild).toBe(host);
    const box = document.createElement('div');
    box.style.display = 'none';
    document.body.append(box);
    box.append(host);
    await mutationsDelivered();
    expect(host.parentElement).toBe(document.documentElement);
    document.documentElement.append(document.createElement('div'));
    await mutationsDelivered();
    expect(document.documentElement.lastElementChild).toBe(host);
    host.setAttribute('hidden', '');
    host.setAttribute('inert', '');
    host.setAttribute('style', 'display:none');
    await mutationsDelivered();
    expect(host.getAttributeNames()).toEqual(['popover']);
  });

  it('answers a page that removes it in its own mutation observer only so many times a frame, instead of looping forever', async () => {
    mount();
    let removals = 0;
    const fighter = new MutationObserver(() => {
      const host = hostOf();
      if (!host) return;
      host.remove();
      removals += 1;
    });
    fighter.observe(document.documentElement, { childList: true });
    hostOf()!.remove();
    // Endless answers would be microtasks without end: this task would never come.
    await mutationsDelivered();
    fighter.disconnect();
    // It came back, a bounded number of times (a frame or two's worth, by happy-dom's timer frames).
    expect(removals).toBeGreaterThan(1);
    expect(removals).toBeLessThan(50);
  });

  it('goes away for good once the user continued', async () => {
    mount().remove();
    await mutationsDelivered();
    expect(hostOf()).toBeUndefined();
  });
});
