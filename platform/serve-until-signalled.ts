/**
 * The tail of a server's command line (`npm run backend`, `npm run queue`): print its origin URL
 * alone on one stdout line, the signal a supervisor or a test waits for, then stop cleanly once on
 * SIGTERM or SIGINT and exit 0 (1 if stopping failed).
 */
export function serveUntilSignalled(handle: { url: string; stop(): Promise<void> }): void {
  process.stdout.write(`${handle.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    handle.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
