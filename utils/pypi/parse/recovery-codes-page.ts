/**
 * How many codes the recovery-codes page shows — counted, never read: the codes are secrets and
 * PyPI Guard does not touch their text here (the drill hashes them in memory elsewhere).
 */
export function countShownRecoveryCodes(doc: Document): number {
  return doc.querySelectorAll('.recovery-codes__-codes li code').length;
}
