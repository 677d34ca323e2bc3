/**
 * Where a private key's passphrase comes from: the host's setting (the CLI's
 * MODELSIGN_PASSPHRASE, or COSIGN_PASSWORD so cosign users' set-ups work), otherwise a prompt
 * on the terminal. With neither, a clear usage error instead of hanging on a closed stdin.
 */
import { openSync, closeSync, readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { usage } from '../errors.js';
import { settings } from '../settings.js';


/** Read a line from the controlling terminal with echo off (undefined: there is none). */
export function promptTty(prompt: string): string | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return undefined;
  }
  try {
    // Loaded only for a prompt: verify (public keys only) never pays for child_process.
    const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    // Turn echo off with stty on the same terminal before the prompt shows, so that nothing
    // typed at the prompt is echoed; if stty is missing the prompt still works.
    spawnSync('stty', ['-echo'], { stdio: [fd, 'ignore', 'ignore'] });
    writeSync(fd, prompt);
    const buf = Buffer.alloc(1);
    let line = '';
    try {
      for (;;) {
        const n = readSync(fd, buf, 0, 1, null);
        if (n === 0 || buf[0] === 0x0a || buf[0] === 0x0d) break;
        line += String.fromCharCode(buf[0]!);
        if (line.length > 4096) break;
      }
    } finally {
      spawnSync('stty', ['echo'], { stdio: [fd, 'ignore', 'ignore'] });
      writeSync(fd, '\n');
    }
    return Buffer.from(line, 'latin1').toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function getPassphrase(purpose: 'decrypt' | 'encrypt', file: string): string {
  const given = settings.passphrase;
  if (given !== undefined) return given;
  if (process.stdin.isTTY || process.stderr.isTTY) {
    const p = promptTty(`Passphrase for ${file}: `);
    if (p !== undefined) {
      if (purpose === 'encrypt') {
        const again = promptTty('Repeat passphrase: ');
        if (again !== p) throw usage('PASSPHRASE_MISMATCH', 'passphrases do not match');
      }
      return p;
    }
  }
  throw usage(
    'NO_PASSPHRASE',
    purpose === 'encrypt'
      ? 'no passphrase: set MODELSIGN_PASSPHRASE, run on a terminal, or pass --unencrypted'
      : `no passphrase for ${file}: set MODELSIGN_PASSPHRASE or run on a terminal`,
  );
}
