// IndexedDB for code that uses idb outside a browser.
import 'fake-indexeddb/auto';
// browser.i18n over the extension's own catalogues (English unless a test picks a language).
import { installFakeI18n, useUiLanguage } from '../support/i18n';
import { beforeEach } from 'vitest';

installFakeI18n();
beforeEach(() => useUiLanguage('en-US'));
