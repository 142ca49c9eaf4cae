import { queueStoreSuite } from './helpers/queue-store-suite';
import { postgresDatabase } from './helpers/queue-engines';

queueStoreSuite('a PostgreSQL server (Debian postgresql, started for this file)', postgresDatabase);
