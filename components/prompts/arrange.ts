import type { PromptId } from '@/utils/prompts/ids';

/** A card the page could show now, and the PyPI field it speaks about (null for an account nudge). */
export interface ShowingPrompt {
  id: PromptId;
  field: Element | null;
}

/** Cards shown together: every card of one field, or one account nudge. */
export interface PromptGroup {
  ids: PromptId[];
  field: Element | null;
}

/**
 * One group of cards at a time, so prompts never pile up over PyPI: the cards of the field the
 * user used last lead, then those of any other field, then the account nudges in their order of
 * urgency (`showing` is in that order). Returns every group in that order; the dock shows the
 * first, or the one the user moved to with "+N more" (`leadIndex`).
 */
export function arrangePrompts(showing: readonly ShowingPrompt[], lastField: Element | null): PromptGroup[] {
  const groups: PromptGroup[] = [];
  for (const prompt of showing) {
    const same = prompt.field ? groups.find((group) => group.field === prompt.field) : undefined;
    if (same) same.ids.push(prompt.id);
    else groups.push({ ids: [prompt.id], field: prompt.field });
  }
  const rank = (group: PromptGroup) => (group.field && group.field === lastField ? 0 : group.field ? 1 : 2);
  // Array.prototype.sort is stable: within a rank, the definitions' order (urgency) holds.
  return groups.sort((a, b) => rank(a) - rank(b));
}

/** Which group leads: the one holding `pinned` (chosen with "+N more") while it still shows, else the first. */
export function leadIndex(groups: readonly PromptGroup[], pinned: PromptId | null): number {
  return Math.max(0, groups.findIndex((group) => pinned !== null && group.ids.includes(pinned)));
}

/** The block of PyPI's form a field sits in (its label, the field, PyPI's own gauge and errors). */
function fieldBlock(field: Element): Element {
  return field.closest('.form-group') ?? field.parentElement ?? field;
}

/**
 * Puts the host in PyPI's flow where the lead card belongs: right under its field's block, or —
 * for an account nudge — under the page's title. In the flow, a card pushes PyPI's content down
 * instead of covering it. Moves the host only when it is not there already.
 */
export function placeHost(host: Element, doc: Document, field: Element | null): void {
  if (field?.isConnected) {
    const block = fieldBlock(field);
    if (block.nextElementSibling !== host) block.after(host);
    return;
  }
  const title = doc.querySelector('main h1');
  if (title) {
    if (title.nextElementSibling !== host) title.after(host);
    return;
  }
  const main = doc.querySelector('main') ?? doc.body;
  if (main.firstElementChild !== host) main.prepend(host);
}
