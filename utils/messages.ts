import * as v from 'valibot';
import { PYPI_HOSTS } from './pypi/hosts';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Every message is checked against these schemas on receipt; anything else is dropped.
 */

const PypiHostSchema = v.picklist(PYPI_HOSTS);

export const PageSeenMessageSchema = v.object({
  type: v.literal('page-seen'),
  host: PypiHostSchema,
  path: v.pipe(v.string(), v.startsWith('/'), v.maxLength(2048)),
});

export const MessageSchema = v.variant('type', [PageSeenMessageSchema]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type PageSeenMessage = v.InferOutput<typeof PageSeenMessageSchema>;

/** Parses an unknown value into a Message, or returns null when it does not fit the protocol. */
export function parseMessage(value: unknown): Message | null {
  const result = v.safeParse(MessageSchema, value);
  return result.success ? result.output : null;
}
