// Opens the storage the configuration asks for: PostgreSQL when a postgres:// URL is given, otherwise an
// embedded SQLite file under dataDir. Migrations run on open, so a started server is always current.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { KyselyStorage } from './kysely-storage';
import type { DatabaseSchema } from './schema';
import type { Storage } from './storage';
import { idleCheckpointer, type Checkpointer } from './wal-checkpoint';

export interface StorageOptions {
  /** postgres://... selects PostgreSQL. */
  databaseUrl?: string;
  /** Directory of the SQLite file (dangol.sqlite); default ./data. */
  dataDir?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

export const SQLITE_FILE = 'dangol.sqlite';

function openSqlite(dataDir: string): { db: Kysely<DatabaseSchema>; checkpointer: Checkpointer } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Every commit is on disk before it returns (WAL fsynced per commit), as PostgreSQL's default: a tablet drops the
  // changes a push's answer acknowledges from its outbox, so a commit lost to a power cut after that answer would
  // lose them everywhere. NORMAL (until the sixteenth session) could roll back the last commits on a power loss.
  // Cost on this machine: ≈ 4–5 ms more per commit of a 2,000-change push (≈ 1,000 pages); a 10,000-change drain
  // commits seven times, ≈ 8% slower in the bench (docs/performance.md, sixteenth session).
  database.pragma('synchronous = FULL');
  cachePreparedStatements(database);
  const checkpointer = idleCheckpointer(database);
  return { db: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) }), checkpointer };
}

/**
 * kysely prepares every query anew; a push runs the same few statements per change, so reuse them
 * (bench: preparing was about a sixth of the server's time in a 10,000-change drain). Bounded: the
 * cache is dropped when it grows past 500 distinct SQL texts.
 */
function cachePreparedStatements(database: Database.Database): void {
  const prepare = database.prepare.bind(database);
  let cache = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      if (cache.size >= 500) cache = new Map();
      stmt = prepare(source);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof database.prepare;
}

function openPostgres(url: string): Kysely<DatabaseSchema> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the server: log it; the pool replaces the client.
  pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
  return new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

function sqliteStorage(dataDir: string): KyselyStorage {
  const { db, checkpointer } = openSqlite(dataDir);
  return new KyselyStorage(db, 'sqlite', checkpointer);
}

export async function openStorage(opts: StorageOptions = {}): Promise<Storage> {
  if (opts.databaseUrl && !isPostgresUrl(opts.databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for SQLite)');
  }
  const storage = isPostgresUrl(opts.databaseUrl)
    ? new KyselyStorage(openPostgres(opts.databaseUrl), 'postgres')
    : sqliteStorage(opts.dataDir ?? 'data');
  if (opts.migrate !== false) {
    try {
      await storage.migrate();
    } catch (err) {
      await storage.close();
      throw err;
    }
  }
  return storage;
}
