// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '@/utils/text/glossary';
import english from '@/public/_locales/en/messages.json';

/**
 * The glossary holds for all product text: every string and JSX text in entrypoints/, components/
 * and utils/ (comments aside), every text of the extension's HTML pages, and every message. A name
 * the glossary avoids fails here, with the file and the text, so a new surface cannot bring back
 * "security events" or "sign in".
 */

const ROOT = path.resolve(__dirname, '../../..');
const PRODUCT_DIRS = ['entrypoints', 'components', 'utils'];

/**
 * Text that is not PyPI Guard's own wording: PyPI's English that the parsers match, patterns that
 * recognise what a user might paste, and the support form's own words, quoted.
 */
const NOT_OUR_WORDS: { file: string; why: string; text?: string }[] = [
  { file: 'utils/pypi/', why: 'PyPI’s own English, matched by the page parsers' },
  { file: 'utils/text/glossary.ts', why: 'the glossary itself: the names it avoids, and PyPI’s own words as its sources' },
  { file: 'utils/recovery/secrets.ts', why: 'labels a user might paste next to a secret (“backup codes: …”), to find and remove it' },
  { file: 'utils/recovery/request.ts', text: 'Lost 2FA authentication app or security token', why: 'the support form’s own reason, quoted' },
];

function productFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(relative);
    return /\.(tsx?|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Names, ids and keys ("unrecognised-sign-in", "account:login:failure"): not text a person reads. */
const isIdentifier = (text: string) => !/\s/.test(text.trim()) && !/[A-Z]/.test(text.trim().slice(1));

/** Every piece of text in a TypeScript file that can reach a person: string literals, template parts, JSX text. */
function textsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) texts.push(node.text);
    else if (ts.isJsxText(node)) texts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

/** The text of an HTML page: what is between its tags. */
const htmlTexts = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').split(/<[^>]*>/);

function ourTexts(): { file: string; text: string }[] {
  return PRODUCT_DIRS.flatMap(productFiles).flatMap((file) => {
    const quoted = NOT_OUR_WORDS.filter((entry) => file.startsWith(entry.file));
    if (quoted.some((entry) => entry.text === undefined)) return [];
    return (file.endsWith('.html') ? htmlTexts(file) : textsOf(file))
      .filter((text) => text.trim() && !isIdentifier(text))
      .filter((text) => !quoted.some((entry) => entry.text !== undefined && text.includes(entry.text)))
      .map((text) => ({ file, text: text.replace(/\s+/g, ' ').trim() }));
  });
}

describe('one vocabulary (utils/text/glossary.ts)', () => {
  const texts = ourTexts();

  it('reads the product’s text', () => {
    // A broken reader would find nothing, and pass: a few known texts must be among what it reads.
    const all = texts.map(({ text }) => text);
    // Texts still written in code: the request for PyPI's admins, English by design (utils/recovery/request.ts).
    expect(all).toContain('I agree to follow the PSF Code of Conduct');
    expect(all.some((text) => text.includes('recovery codes'))).toBe(true);
    expect(texts.length).toBeGreaterThan(200);
  });

  for (const [id, entry] of Object.entries(GLOSSARY)) {
    it(`“${entry.term}”: no other name for it`, () => {
      const offending = texts.filter(({ text }) => entry.avoid.some((pattern) => pattern.test(text))).map(({ file, text }) => `${file}: ${text.slice(0, 140)}`);
      expect(offending, `${id}: ${entry.source}`).toEqual([]);
    });
  }

  it('the messages use the glossary too', () => {
    const messages = Object.values(english).map((entry) => entry.message);
    const avoided = Object.values(GLOSSARY).flatMap((entry) => entry.avoid);
    expect(messages.filter((message) => avoided.some((pattern) => pattern.test(message)))).toEqual([]);
  });

  it('the avoid lists catch what they are meant to', () => {
    const caught = (id: keyof typeof GLOSSARY, text: string) => GLOSSARY[id].avoid.some((pattern) => pattern.test(text));
    expect(caught('securityHistory', 'Recent security events')).toBe(true);
    expect(caught('securityHistory', 'Security history')).toBe(false);
    expect(caught('logIn', 'New sign-in to your account')).toBe(true);
    expect(caught('logIn', 'Someone tried to sign in')).toBe(true);
    expect(caught('logIn', 'Log in with your password')).toBe(false);
    expect(caught('authenticationApplication', 'your authenticator app')).toBe(true);
    expect(caught('twoFactor', 'Two factor authentication')).toBe(true);
    expect(caught('twoFactor', 'two-factor authentication (2FA)')).toBe(false);
  });
});
