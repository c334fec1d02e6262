/** Helpers to derive sibling database URLs on the same PostgreSQL server. */
export function databaseNameOf(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name) throw new Error(`The database URL "${redact(url)}" names no database.`);
  return decodeURIComponent(name);
}

export function withDatabaseName(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

/** The maintenance database used to create and drop others. */
export function maintenanceUrl(url: string): string {
  return withDatabaseName(url, 'postgres');
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
