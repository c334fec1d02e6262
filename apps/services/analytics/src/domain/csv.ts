/**
 * One CSV line (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled. A
 * field a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading quote
 * mark, since display names are typed by streamers.
 */
export function csvLine(fields: readonly string[]) {
  return fields.map(csvField).join(',');
}

function csvField(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
