import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'playwright-report/**', 'bench/**/*.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page data must never become markup or code.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with Preact or textContent; never innerHTML.' },
        { property: 'outerHTML', message: 'Build DOM with Preact or textContent; never outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with Preact or textContent.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Product code goes through webextension-polyfill's `browser` (wxt/browser), never `chrome`.
    files: ['entrypoints/**', 'utils/**', 'components/**'],
    rules: { 'no-restricted-globals': ['error', { name: 'chrome', message: "Use `browser` from 'wxt/browser'." }] },
  },
  {
    // Playwright fixtures use an empty destructuring pattern by design.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
