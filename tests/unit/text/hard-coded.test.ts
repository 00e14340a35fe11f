// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a person reads on our pages and cards comes from the catalogue through t(): no
 * JSX text and no aria-label, title, placeholder, alt or label attribute written as a literal
 * in components/ or entrypoints/. Symbols alone (×, ↓, ✓, ·) are not words.
 */

const ROOT = path.resolve(__dirname, '../../..');
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
const isWords = (text: string) => /\p{L}{2,}/u.test(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx$/.test(entry.name) ? [relative] : [];
  });
}

/** The literal texts of one file's JSX: text nodes and text attributes. */
function hardCodedTexts(file: string, source = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(tree)) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isStringLiteral(value) ? value : ts.isJsxExpression(value) && value.expression && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression) || ts.isTemplateExpression(value.expression)) ? value.expression : null;
      if (literal && isWords(literal.getText(tree))) found.push(`${node.name.getText(tree)}=${literal.getText(tree)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('hard-coded text', () => {
  const files = ['components', 'entrypoints'].flatMap(sourceFiles);

  it('none in any component or page', () => {
    const found = files.flatMap((file) => hardCodedTexts(file).map((text) => `${file}: ${text}`));
    expect(found).toEqual([]);
  });

  it('catches a text node and a literal label, and lets t() and symbols through', () => {
    const source = `const a = <button aria-label="Close card" title={t('x')}>×</button>; const b = <p>Hello there</p>; const c = <p>{t('y')} ↓</p>;`;
    expect(hardCodedTexts('sample.tsx', source)).toEqual(['aria-label="Close card"', 'Hello there']);
  });
});
