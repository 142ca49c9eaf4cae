/**
 * `npm run sim:printer -- [--config <fixture|path.json>] [--port <n>] [--ms-per-page <n>] [--spool <dir>]`
 *
 * Runs the IPP printer simulator standalone on 127.0.0.1 and prints its URI and control URL.
 * Example fault command for a technician:
 *   curl -X POST <control> -d '{"action":"inject","fault":"media-empty"}'
 */
import { parseArgs } from 'node:util';
import { errorCode } from '../../../platform/log';
import { startPrinterSimulator } from './printer-sim';

function main(): void {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'kiosk-a4-mono' },
      port: { type: 'string', default: '0' },
      'ms-per-page': { type: 'string' },
      spool: { type: 'string' },
    },
  });
  const port = Number(values.port);
  const msPerPage = values['ms-per-page'] === undefined ? undefined : Number(values['ms-per-page']);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (msPerPage !== undefined && !(msPerPage >= 0))) {
    console.error('usage: printer-sim-cli [--config name] [--port n] [--ms-per-page n] [--spool dir]');
    process.exit(2);
  }
  startPrinterSimulator({ config: values.config, port, msPerPage, spoolDir: values.spool }).then(
    (sim) => {
      console.log(`printer URI:  ${sim.uri}`);
      console.log(`control URL:  ${sim.controlUrl}`);
      console.log(`try: ipptool -tv ${sim.uri} get-printer-attributes.test`);
      const stop = (): void => {
        void sim.stop().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(`printer simulator failed to start: ${errorCode(e)}`);
      process.exit(1);
    },
  );
}

main();
