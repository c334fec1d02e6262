/**
 * One series' value in Prometheus text: the first line of `name` whose labels include `labels`
 * (others, like `service`, may be there too); undefined when there is none.
 */
export function metricSample(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.includes('{') ? line.slice(line.indexOf('{') + 1, line.lastIndexOf('}')) : '';
    const given = new Map(
      [...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]] as const),
    );
    if (wanted.every(([key, value]) => given.get(key) === value)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

/** A service kit's `/metrics` at `serviceUrl`, read now, and one series of it (0 when absent). */
export async function scrapeMetric(serviceUrl: string, name: string, labels: Record<string, string> = {}) {
  const response = await fetch(`${serviceUrl.replace(/\/$/, '')}/metrics`);
  if (!response.ok) throw new Error(`${serviceUrl}/metrics answered ${response.status}`);
  return metricSample(await response.text(), name, labels) ?? 0;
}
