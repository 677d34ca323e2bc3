/**
 * Text output quotes names, versions, licenses and file names taken from a signature or the
 * model directory, all hostile until verified. None may carry a control character to the
 * terminal or log: an ESC sequence or a carriage return could repaint "FAILED" as "OK".
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/oms/statement.js';
import { rootDigest } from '../../src/hashing/serialize.js';
import { cleanupTmp, runCli, tmpDir } from '../helpers/cli.js';
import { makeKey, sha256hex, writeSigned } from '../helpers/craft.js';

afterAll(cleanupTmp);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('control characters from a signature or a directory never reach the output', () => {
  it('verify and inspect text, and the refused line, stay plain one-line text', async () => {
    const dir = await tmpDir();
    const key = await makeKey(dir, 'k');
    const model = path.join(dir, 'model');
    await mkdir(model);
    await writeFile(path.join(model, 'config.json'), '{}');
    await writeFile(path.join(model, 'w.bin'), 'weights');
    // An injected file whose name carries a carriage return and an escape sequence.
    await writeFile(path.join(model, 'x\r\u001b[2KOK: all good.bin'), 'evil');
    const res = [
      { name: 'config.json', algorithm: 'sha256', digest: sha256hex('{}') },
      { name: 'w.bin', algorithm: 'sha256', digest: '00'.repeat(32) }, // tampered
    ];
    const st = buildStatement({
      name: 'crafted',
      rootDigest: rootDigest(res),
      serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: ['model.sig'] },
      resources: res,
      metadata: { name: 'evil\u001b[2K\rOK: trusted-model', version: '1.0.0', license: 'mit\u0007\u009b31m' },
    });
    await writeSigned(path.join(model, 'model.sig'), st, key);

    const v = await runCli(['verify', model, '--key', key.pubFile]);
    expect(v.code).toBe(1);
    for (const line of [...v.stdout.split('\n'), ...v.stderr.split('\n')]) expect(line, JSON.stringify(line)).not.toMatch(CONTROL);
    expect(v.stdout).toContain('FAILED: evil?[2K?OK: trusted-model@1.0.0 must not be used');
    expect(v.stdout).toContain('FILE_UNEXPECTED x??[2KOK: all good.bin: file is not in the signature');
    expect(v.stdout).toContain('license:     mit??31m');
    expect(v.stderr.trim().split('\n')).toHaveLength(1);

    const i = await runCli(['inspect', path.join(model, 'model.sig'), '--files']);
    expect(i.code).toBe(0);
    for (const line of i.stdout.split('\n')) expect(line, JSON.stringify(line)).not.toMatch(CONTROL);
    expect(i.stdout).toContain('model:       evil?[2K?OK: trusted-model@1.0.0');

    // --json keeps the exact values (JSON escapes them).
    const j = await runCli(['verify', model, '--key', key.pubFile, '--json']);
    expect(JSON.parse(j.stdout).name).toBe('evil\u001b[2K\rOK: trusted-model');
  });
});
