// Every unit test may open the knowledge store: IndexedDB in memory (fake-indexeddb), as in a browser.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// The in-memory IndexedDB is JavaScript, and files run in parallel on two cores: a page waiting for the store can
// take seconds where a browser takes milliseconds. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 5_000 });
