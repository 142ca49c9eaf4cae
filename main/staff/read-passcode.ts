/**
 * Reads a staff passcode for the hash tool from the terminal (twice, nothing echoed) or from piped
 * standard input (provisioning), never from the command line: it would show in `ps` and in the
 * shell history.
 */
import type { HashPasscodeIo } from './hash-passcode-cli';

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
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

/** The passcode from this process's terminal or standard input; null when the two entries differ. */
async function readPasscodeFromStdin(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await readHidden(prompt);
  return (await readHidden('Again: ')) === first ? first : null;
}

/** The hash tool's input and output on this process's terminal (the hash alone on stdout). */
export const terminalHashPasscodeIo: HashPasscodeIo = {
  readPasscode: readPasscodeFromStdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
