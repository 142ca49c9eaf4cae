import { queueStoreSuite } from './helpers/queue-store-suite';
import { pgliteDatabase } from './helpers/queue-engines';

queueStoreSuite('PGlite (embedded)', pgliteDatabase);
