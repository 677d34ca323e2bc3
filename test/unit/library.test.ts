/**
 * docs/library.md's example, run as written against the built library (the package's own
 * entry point), and its printed output compared with what the page says it prints.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTmp, ROOT, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

describe('docs/library.md', () => {
  it('its example runs and prints what the page says', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/library.md'), 'utf8');
    const example = /## Example[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];
    const expected = /It prints:\n\n```\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(expected).toBeDefined();
    const entry = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
    const file = path.join(await tmpDir(), 'example.mjs');
    // The package name, as an installed user imports it, resolved to this checkout's build.
    await writeFile(file, example!.replace("from 'modelsign'", `from '${entry}'`));
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('the package entry point is the library the page describes', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } };
    expect(pkg.exports['.'].default).toBe('./dist/index.js');
    const lib = (await import(pathToFileURL(path.join(ROOT, pkg.exports['.'].default)).href)) as Record<string, unknown>;
    for (const name of ['digest', 'sign', 'signModel', 'createVerifier', 'verify', 'scan', 'openSource', 'configure', 'ModelsignError', 'CODE_AREAS']) expect(typeof lib[name], name).not.toBe('undefined');
  });
});
