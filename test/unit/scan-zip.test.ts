/**
 * Zips that readers see differently (src/scan/zip.ts): each is an ambiguity the scanner
 * refuses (ZIP_AMBIGUOUS, high), and the members it can read are still walked, so a hostile
 * pickle inside is reported too. Real layouts - PyTorch's writer, numpy's savez via Python's
 * zipfile - give no finding.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFile } from '../../src/scan/scan-file.js';
import { DEFAULT_LIMITS, type Finding } from '../../src/scan/types.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';
import * as F from '../helpers/scan-fixtures.js';
import { craftZip, torchLikeZip, type CraftMember } from '../helpers/zip-craft.js';

let dir: string;
beforeAll(async () => {
  dir = await tmpDir('modelsign-zip-');
});
afterAll(cleanupTmp);

async function scan(bytes: Buffer, name = 'model.pt') {
  const f = path.join(dir, name);
  await writeFile(f, bytes);
  return scanFile(f, name, DEFAULT_LIMITS);
}
const ambiguities = (fs: Finding[]) => fs.filter((f) => f.code === 'ZIP_AMBIGUOUS').map((f) => f.message);
const hostile = (): CraftMember => ({ name: 'archive/data.pkl', data: F.osSystemProtocol4() });
const benign = (): CraftMember => ({ name: 'archive/data.pkl', data: F.tensorStateDict() });

describe('zips every reader reads alike give no finding', () => {
  it('the layout PyTorch\'s writer produces (FB padding, data descriptors, zip64 end record)', async () => {
    const r = await scan(torchLikeZip(F.tensorStateDict(), [Buffer.alloc(64, 1), Buffer.alloc(32, 2)]));
    expect(r).toMatchObject({ format: 'pytorch', findings: [] });
  });
  it('a plain stored or deflated zip', async () => {
    expect((await scan(craftZip([benign(), { name: 'archive/version', data: Buffer.from('3\n'), deflate: true }]))).findings).toEqual([]);
  });
});

describe('ambiguous zips: ZIP_AMBIGUOUS, and the members still walked', () => {
  const cases: { title: string; zip: () => Buffer; message: RegExp }[] = [
    {
      title: 'a second end record inside the comment (Python and miniz take the last signature, whatever its comment length)',
      zip: () => craftZip([benign()], { comment: Buffer.concat([Buffer.from('note'), craftZip([hostile()]), Buffer.from('xyz')]) }),
      message: /the archive comment holds a zip record/,
    },
    {
      title: 'a second archive after the end record (Python shifts to it, miniz reads the offsets as written)',
      zip: () => craftZip([benign()], { comment: Buffer.concat([Buffer.from('note'), craftZip([hostile()])]) }),
      message: /the central directory ends \d+ bytes before the end record/,
    },
    {
      title: 'a complete zip prepended (Python shifts every offset by its length, miniz does not)',
      zip: () => Buffer.concat([craftZip([benign()]), craftZip([hostile()])]),
      message: /the central directory ends \d+ bytes before the end record \(prepended or inserted data/,
    },
    {
      title: 'data before the first member',
      zip: () => {
        const z = craftZip([{ ...benign(), after: Buffer.alloc(0) }]);
        return craftZip([{ name: 'pad', data: Buffer.alloc(0), after: Buffer.from(z.subarray(0, 40)) }, benign()]);
      },
      message: /belong to no member \(a gap between members/,
    },
    {
      title: 'a local header named differently from its directory entry',
      zip: () => craftZip([{ ...hostile(), localName: 'archive/datap.kl' }]),
      message: /is named "archive\/datap\.kl" in its local header/,
    },
    {
      title: 'local header flags that differ from the directory\'s',
      zip: () => craftZip([{ ...hostile(), localFlags: 0x801 }]),
      message: /has flags 0x801 in its local header, 0x800 in the directory/,
    },
    { title: 'a duplicate name', zip: () => craftZip([benign(), hostile()]), message: /duplicate entry name "archive\/data\.pkl"/ },
    {
      title: 'names that differ only in case (PyTorch looks names up ignoring case)',
      zip: () => craftZip([benign(), { ...hostile(), name: 'archive/DATA.pkl' }]),
      message: /differ only in case/,
    },
    { title: 'a NUL in a name (Python cuts it there)', zip: () => craftZip([{ ...hostile(), name: 'archive/data.pkl\u0000.txt' }]), message: /holds a NUL byte/ },
    { title: 'flag bit 0x20 (patch data: Python refuses, PyTorch ignores)', zip: () => craftZip([{ ...hostile(), flags: 0x820 }]), message: /flag bits 0x20/ },
    { title: 'flag bit 0x40 (strong encryption)', zip: () => craftZip([{ ...hostile(), flags: 0x840 }]), message: /flag bits 0x40/ },
    { title: 'a CRC-32 that does not match the data (Python refuses, PyTorch does not check)', zip: () => craftZip([{ ...hostile(), crc: 0x1234 }]), message: /has CRC-32 [0-9a-f]+, the directory says 1234/ },
    {
      title: 'more directory entries than the end record counts (Python reads them all)',
      zip: () => craftZip([benign(), { ...hostile(), name: 'archive/extra.pkl' }], { count: 1 }),
      message: /after the 1 entries the end record counts/,
    },
    {
      title: 'a gap between members (a streaming reader finds another entry there)',
      zip: () => craftZip([{ ...benign(), after: craftZip([hostile()]).subarray(0, 60) }, { name: 'archive/version', data: Buffer.from('3\n') }]),
      message: /belong to no member \(a gap between members/,
    },
  ];
  for (const c of cases) {
    it(c.title, async () => {
      const r = await scan(c.zip());
      const a = ambiguities(r.findings);
      expect(a.some((m) => c.message.test(m)), JSON.stringify(r.findings)).toBe(true);
      expect(r.findings.filter((f) => f.code === 'ZIP_AMBIGUOUS').every((f) => f.severity === 'high')).toBe(true);
    });
  }

  it('the hostile member is reported as well when it can be read', async () => {
    for (const z of [craftZip([{ ...hostile(), crc: 1 }]), craftZip([{ ...hostile(), flags: 0x820 }]), craftZip([{ ...hostile(), localName: 'x' }])]) {
      expect((await scan(z)).findings.map((f) => f.code)).toContain('PICKLE_DANGEROUS_GLOBAL');
    }
  });

  it('a member flagged encrypted is reported and still walked (PyTorch reads it as it is)', async () => {
    const r = await scan(craftZip([{ ...hostile(), flags: 0x801 }]));
    expect(r.findings.map((f) => f.code).sort()).toEqual(['PICKLE_DANGEROUS_GLOBAL', 'ZIP_ENCRYPTED']);
  });

  it('a member under a name that is no pickle extension is walked by content (data.txt)', async () => {
    const r = await scan(craftZip([{ name: 'data.txt', data: F.osSystemProtocol4() }]), 'bundle.zip');
    expect(r.findings).toMatchObject([{ code: 'PICKLE_DANGEROUS_GLOBAL', member: 'data.txt' }]);
  });

  it('raw storages of a PyTorch zip are not read as pickles (torch.load never unpickles them)', async () => {
    const r = await scan(torchLikeZip(F.tensorStateDict(), [F.osSystemProtocol2()]));
    expect(r.findings).toEqual([]);
  });
});
