/**
 * Makes the `staff.passcodeHash` value for a kiosk configuration:
 *
 *     npx tsx build/scripts/hash-staff-passcode.ts            # asks twice, nothing echoed
 *     printf '%s\n' "$PASSCODE" | npx tsx build/scripts/hash-staff-passcode.ts   # provisioning
 *
 * The passcode (6-8 digits) is read from the terminal or standard input, never from the command
 * line (it would show in `ps` and shell history). Prints only the hash, with a fresh random salt:
 * `scrypt$16384$8$1$<salt>$<key>` (format documented in main/staff/staff-passcode.ts).
 */
import { hashPasscode, STAFF_PASSCODE_PATTERN } from '../../main/staff/staff-passcode';

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  if (process.argv.length > 2) {
    process.stderr.write('Give the passcode on standard input or at the prompt, not as an argument.\n');
    process.exit(2);
  }
  let passcode: string;
  if (process.stdin.isTTY) {
    passcode = await readHidden('Staff passcode (6-8 digits): ');
    if ((await readHidden('Again: ')) !== passcode) {
      process.stderr.write('The two entries differ.\n');
      process.exit(1);
    }
  } else {
    passcode = (await readPiped()).trim();
  }
  if (!STAFF_PASSCODE_PATTERN.test(passcode)) {
    process.stderr.write('The staff passcode is 6 to 8 digits.\n');
    process.exit(1);
  }
  process.stdout.write(`${await hashPasscode(passcode)}\n`);
}

void main();
