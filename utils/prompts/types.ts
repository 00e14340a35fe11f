import type { ComponentType } from 'preact';
import type { PypiHost } from '../pypi/hosts';
import type { PageKind } from '../pypi/page-kinds';
import type { ContentMessage, ContentReply } from '../messages';
import type { PromptId } from './ids';

/**
 * Whose dismissals ("Remind me later", "Don't show again") apply on a page, as prompt messages
 * carry it: an account by name; on the sign-in steps after the password, the login pending in
 * the tab (the background knows its username); or nobody known — then the whole PyPI host.
 */
export type DismissalAccount = { username: string; signingIn?: never } | { signingIn: true; username?: never } | { username?: never; signingIn?: never };

/** What a prompt knows about the page it is on. Built once per page by the content script. */
export interface PromptEnv {
  url: URL;
  doc: Document;
  /** The PyPI host, or null on a look-alike host (which never talks to the background). */
  host: PypiHost | null;
  pageKind: PageKind;
  /** The account the page is about, when the page names it (account pages, the user menu). */
  username: string | null;
  /** Whose dismissals apply here; asked at each use, since a typed username changes. */
  dismissalAccount(): DismissalAccount;
  /** Calls back when `dismissalAccount()` may have changed (the login or register form's username). */
  watchDismissalAccount?(onChange: () => void): void;
  /** Aborted when the content script is invalidated (extension update, page unload). */
  signal: AbortSignal;
  now(): number;
  /** Sends a message to the background and returns its (typed) reply; null when it fails. */
  send<M extends ContentMessage>(message: M): Promise<ContentReply<M> | null>;
}

/**
 * One in-page prompt. The framework mounts `Component` on the listed pages unless the user
 * dismissed or snoozed it for this account; the component decides when to show its card
 * (it renders `<PromptCard>` or nothing).
 */
export interface PromptDefinition {
  id: PromptId;
  pages: readonly PageKind[];
  /**
   * `remember`: "Remind me later" and "Don't show again" are stored per account (via the
   * background). `page`: only "Close" for this page view — for warnings that must come back.
   */
  dismissal: 'remember' | 'page';
  /**
   * The PyPI field this prompt speaks about (a password, a TOTP code), if any. Its card sits right
   * under that field, and leads while the field is the one in use; without one, the card is an
   * account nudge and sits under the page's title.
   */
  field?(): Element | null;
  Component: ComponentType<{ env: PromptEnv }>;
}

export function definePrompt(definition: PromptDefinition): PromptDefinition {
  return definition;
}
