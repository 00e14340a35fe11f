import type { ReaderMiss } from '../snapshot';

/**
 * What a reader made of one section whose markers are on the page: the fact it shows, or the
 * marker it missed. Never a guess in between: a section PyPI changed is reported, not misread.
 */
export type Read<T> = { value: T } | { missing: ReaderMiss };

export const found = <T>(value: T): Read<T> => ({ value });
export const missed = (missing: ReaderMiss): { missing: ReaderMiss } => ({ missing });

/** The fact, or undefined when the section is absent or was not understood. */
export const valueOf = <T>(read: Read<T> | undefined): T | undefined => (read && 'value' in read ? read.value : undefined);
