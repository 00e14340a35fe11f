// IndexedDB for code that uses idb outside a browser.
import 'fake-indexeddb/auto';
