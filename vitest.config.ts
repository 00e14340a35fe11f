import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { zxcvbnWordLists } from './scripts/vite/zxcvbn-word-lists';

export default defineConfig({
  plugins: [WxtVitest(), zxcvbnWordLists()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'utils/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Fixture pages link PyPI-like CSS and JS; unit tests only read their DOM.
    environmentOptions: {
      happyDOM: {
        settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
      },
    },
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
  },
});
