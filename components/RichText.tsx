import type { ComponentChildren, VNode } from 'preact';

/**
 * A translated sentence with links (or emphasis) inside it, kept whole: the message marks each
 * part with a numbered tag, "<1>Change your password</1> (PyPI's advice …)", and `parts[1]` wraps
 * the words a translation put between <1> and </1>, wherever its grammar put them. The text
 * stays text: Preact escapes it, nothing becomes markup. A tag without a part shows its words.
 */
export function RichText({ text, parts }: { text: string; parts: Record<number, (children: string) => VNode> }) {
  const nodes: ComponentChildren[] = [];
  let rest = text;
  for (let match = /<(\d)>(.*?)<\/\1>/s.exec(rest); match; match = /<(\d)>(.*?)<\/\1>/s.exec(rest)) {
    nodes.push(rest.slice(0, match.index));
    const wrap = parts[Number(match[1])];
    nodes.push(wrap ? wrap(match[2]!) : match[2]);
    rest = rest.slice(match.index + match[0].length);
  }
  nodes.push(rest);
  return <>{nodes}</>;
}

/** Parts for a sentence whose tags all mark code (domain names, addresses): `<1>example.org</1>`. */
export const CODE_PARTS: Record<number, (children: string) => VNode> = Object.fromEntries(
  Array.from({ length: 9 }, (_, index) => [index + 1, (children: string) => <code>{children}</code>]),
);
