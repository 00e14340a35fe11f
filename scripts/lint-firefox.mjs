// Lints the Firefox build with Mozilla's addons-linter (through web-ext) and fails on any error.
// Warnings are printed: today they are innerHTML assignments inside Preact's own DOM code.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const sourceDir = '.output/firefox-mv3';
if (!existsSync(`${sourceDir}/manifest.json`)) {
  console.error(`${sourceDir} is missing: run "npm run build:firefox" first.`);
  process.exit(2);
}
let output;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (error) {
  output = error.stdout; // web-ext exits non-zero when errors exist; the JSON is still on stdout
}
const report = JSON.parse(output.slice(output.indexOf('{')));
const print = (kind, list) =>
  list.forEach((item) => console.log(`  ${kind} ${item.code}: ${item.message}${item.file ? ` (${item.file}${item.line ? `:${item.line}` : ''})` : ''}`));
print('error  ', report.errors);
print('warning', report.warnings);
console.log(`web-ext lint ${sourceDir}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors > 0 ? 1 : 0);
