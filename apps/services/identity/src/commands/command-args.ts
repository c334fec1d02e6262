/** A command's own arguments: `pnpm <script> -- --email …` passes the `--` on, which is not one. */
export function commandArgs(): string[] {
  return process.argv.slice(2).filter((arg, index) => index > 0 || arg !== '--');
}
