import pg from 'pg';

/**
 * Row-level triggers on every table of a test database that record each insert, update and delete,
 * so a test can tell whether a call wrote anything. Test databases only: it adds a table and a
 * trigger per table.
 */
export async function installWriteLog(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await pool.query(`
    CREATE TABLE IF NOT EXISTS "fuzz_write_log" (
      "id" bigserial PRIMARY KEY, "table_name" text NOT NULL, "operation" text NOT NULL
    );
    CREATE OR REPLACE FUNCTION "fuzz_log_write"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "fuzz_write_log" ("table_name", "operation") VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$;
    DO $$
    DECLARE target record;
    BEGIN
      FOR target IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname NOT IN ('fuzz_write_log', '_prisma_migrations')
      LOOP
        EXECUTE format(
          'CREATE OR REPLACE TRIGGER "fuzz_write_log" AFTER INSERT OR UPDATE OR DELETE ON %I
           FOR EACH ROW EXECUTE FUNCTION "fuzz_log_write"()', target.relname);
      END LOOP;
    END $$;
  `);

  return {
    /** The position to compare against after a call. */
    async mark(): Promise<number> {
      const { rows } = await pool.query<{ last: string }>(
        `SELECT coalesce(max("id"), 0) AS "last" FROM "fuzz_write_log"`,
      );
      return Number(rows[0]!.last);
    },
    /** `table:OPERATION` of every row written since `mark`. */
    async writesSince(mark: number): Promise<string[]> {
      const { rows } = await pool.query<{ table_name: string; operation: string }>(
        `SELECT DISTINCT "table_name", "operation" FROM "fuzz_write_log" WHERE "id" > $1`,
        [mark],
      );
      return rows.map((row) => `${row.table_name}:${row.operation}`);
    },
    /** Every uuid stored in the database (a sample per column): ids that exist, someone's or other. */
    async storedIds(perColumn = 20): Promise<string[]> {
      const { rows: columns } = await pool.query<{ table_name: string; column_name: string }>(`
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN pg_class t ON t.relname = c.table_name AND NOT t.relispartition
        WHERE c.table_schema = current_schema() AND c.data_type = 'uuid'`);
      const ids = new Set<string>();
      for (const column of columns) {
        const { rows } = await pool.query<{ value: string }>(
          `SELECT DISTINCT ${pg.escapeIdentifier(column.column_name)} AS "value"
           FROM ${pg.escapeIdentifier(column.table_name)} WHERE ${pg.escapeIdentifier(column.column_name)} IS NOT NULL
           LIMIT $1`,
          [perColumn],
        );
        for (const row of rows) ids.add(row.value);
      }
      return [...ids];
    },
    close: () => pool.end(),
  };
}
export type WriteLog = Awaited<ReturnType<typeof installWriteLog>>;
