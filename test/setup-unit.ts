// Must load before Dexie is imported anywhere: Dexie binds to the global indexedDB it finds.
import 'fake-indexeddb/auto';
