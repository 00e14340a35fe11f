import { localizeElement } from '@/utils/text/page';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PromptId } from '@/utils/prompts/ids';
import { observable } from '@/utils/prompts/observable';
import type { PromptDefinition, PromptEnv } from '@/utils/prompts/types';
import { placeHost } from './arrange';
import { PromptDock } from './PromptDock';
import { PROMPT_CSS } from './prompt-css';
import { markDone } from '@/utils/content/done';

/** The one element PyPI Guard adds to a PyPI page. Everything else lives in its shadow root. */
export const PROMPT_HOST_TAG = 'pypi-guard-ui';

/**
 * Mounts the prompts that apply to this page (its kind, and not silenced for this account) in
 * one `<pypi-guard-ui>` with an open shadow root. The host waits, empty, after `<body>`; once a
 * card has something to say, the dock moves it into PyPI's flow where that card belongs (under
 * its field, or under the page's title), so it pushes PyPI's content down and never covers a
 * control. Returns null when no prompt applies (nothing is added).
 * Dismissals are asked for and stored for `env.dismissalAccount()`; where that is a typed
 * username, they are asked for again when it changes.
 */
export async function mountPrompts(ctx: ContentScriptContext, env: PromptEnv, definitions: readonly PromptDefinition[]): Promise<{ remove(): void } | null> {
  const mounted = await decideAndMount(ctx, env, definitions);
  markDone('prompts');
  return mounted;
}

async function decideAndMount(ctx: ContentScriptContext, env: PromptEnv, definitions: readonly PromptDefinition[]): Promise<{ remove(): void } | null> {
  const forPage = definitions.filter((definition) => definition.pages.includes(env.pageKind));
  if (forPage.length === 0) return null;

  const remembers = env.host !== null && forPage.some((definition) => definition.dismissal === 'remember');
  const silencedFor = async () => (await env.send({ type: 'prompt-states', ...env.dismissalAccount() }))?.silenced ?? [];
  const silenced = observable<readonly PromptId[]>(remembers ? await silencedFor() : []);
  const follows = remembers && env.watchDismissalAccount !== undefined;
  // With a fixed account, silenced prompts are left out for good (nothing mounts if none is left).
  const prompts = follows ? forPage : forPage.filter((definition) => definition.dismissal === 'page' || !silenced.get().includes(definition.id));
  if (prompts.length === 0 || !ctx.isValid) return null;
  if (follows)
    env.watchDismissalAccount!(
      () =>
        void silencedFor().then((ids) => {
          silenced.set(ids);
          markDone('prompts-silenced');
        }),
    );

  const remember = (id: PromptId, action: 'dismiss' | 'snooze') => {
    void env.send({ type: 'prompt-dismiss', promptId: id, action, ...env.dismissalAccount() });
  };
  const ui = await createShadowRootUi(ctx, {
    name: PROMPT_HOST_TAG,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: PROMPT_CSS,
    // Keys typed in the prompts stay there: PyPI's keyboard shortcuts do not see them.
    isolateEvents: true,
    onMount(container, _shadow, host) {
      // The cards speak the UI language, right to left for Hebrew, whatever PyPI's page is in: on the
      // host for the page's layout around it, and inside the shadow root, where the page's CSS cannot reach.
      localizeElement(host);
      localizeElement(container);
      const place = (field: Element | null) => placeHost(host, env.doc, field);
      render(<PromptDock env={env} prompts={prompts} remember={remember} silenced={silenced} place={place} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
