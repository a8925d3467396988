// IndexedDB for storage tests in Node: an in-memory implementation of the same API.
import 'fake-indexeddb/auto';
