/** The platform's services the health page probes, with the port each listens on by default. */
export const platformServicePorts = {
  identity: 4101,
  brand: 4102,
  streamer: 4103,
  campaign: 4104,
  participation: 4105,
  analytics: 4106,
  payment: 4107,
  notification: 4109,
  overlay: 4110,
  admin: 4111,
} as const;

/** `<NAME>_SERVICE_URL` for each service (as `pnpm dev` and deployments pass them), else its local port. */
export function platformServiceUrlsFrom(source: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(platformServicePorts).map(([name, port]) => [
      name,
      source[`${name.toUpperCase()}_SERVICE_URL`] ?? `http://127.0.0.1:${port}`,
    ]),
  );
}
