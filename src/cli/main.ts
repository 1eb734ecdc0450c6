/** Entry of the `precept` command. */
export function main(argv: readonly string[]): number {
  process.stdout.write(`precept: ${argv.join(" ")}\n`);
  return 0;
}
