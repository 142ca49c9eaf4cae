/**
 * The kiosk's start command (`node dist/main/start.js [--config <file>]`): Electron when its
 * runtime is installed, otherwise the browser shell. It connects to the ward back end its
 * configuration names; the demo (`npm start`) starts through demo/start-demo.ts instead.
 */
import { join } from 'node:path';
import { launchKioskShell } from './shell-launcher';

launchKioskShell({ argv: process.argv, electronMain: join(__dirname, 'electron-main.js') });
