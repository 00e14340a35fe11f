import type { RecoveryCodesFact } from '../snapshot';
import { found, missed, type Read } from './read';

/** The download's name: `<site>-Recovery-Codes-<username>-<generated, ISO 8601, UTC>.txt`. */
const FILE_NAME_TIME = /-(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?\.txt$/;

/**
 * The page PyPI shows right after making a set of codes (`.recovery-codes__-codes li code`, note
 * the class name with "__-"): how many it shows — counted, never read: the codes are secrets and
 * PyPI Guard does not touch their text here (the drill hashes them in memory elsewhere) — and when
 * they were generated, from the download's file name (the link's `download` attribute, never its
 * `href`, which holds the codes). Undefined when the page shows no codes (the "already generated"
 * warning); unreadable when the list is there without codes.
 */
export function readShownRecoveryCodes(doc: Document, seenAt: number): Read<{ shown: number; codes: RecoveryCodesFact }> | undefined {
  const list = doc.querySelector('.recovery-codes__-codes');
  if (!list) return undefined;
  const shown = list.querySelectorAll('li code').length;
  if (shown === 0) return missed('recovery-codes-list');
  const match = FILE_NAME_TIME.exec(doc.querySelector('a[download]')?.getAttribute('download') ?? '');
  const generatedAt = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : seenAt;
  // A fresh set: every code shown is unused.
  return found({ shown, codes: { generated: true, unused: shown, generatedAt } });
}
