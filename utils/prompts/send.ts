import { browser } from 'wxt/browser';
import type { ContentMessage, ContentReply } from '../messages';

/** Sends a prompt message to the background; null when there is no answer (worker restarting, extension updated). */
export async function sendToBackground<M extends ContentMessage>(message: M): Promise<ContentReply<M> | null> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    return (reply ?? null) as ContentReply<M> | null;
  } catch {
    return null;
  }
}
