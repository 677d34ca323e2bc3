/** The command line's value parsers: byte sizes with units, and near-miss versions. */
import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../src/cli/io.js';
import { semverSuggestion } from '../../src/util/semver-hint.js';

describe('parseByteSize', () => {
  it('reads bytes, decimal and binary units, any case, exactly', () => {
    expect(parseByteSize('1000000')).toBe(1_000_000);
    expect(parseByteSize('1B')).toBe(1);
    expect(parseByteSize('1k')).toBe(1000);
    expect(parseByteSize('1MB')).toBe(1e6);
    expect(parseByteSize('1G')).toBe(1e9);
    expect(parseByteSize('1gb')).toBe(1e9);
    expect(parseByteSize('2T')).toBe(2e12);
    expect(parseByteSize('1Ki')).toBe(1024);
    expect(parseByteSize('512MiB')).toBe(512 * 2 ** 20);
    expect(parseByteSize('1GiB')).toBe(2 ** 30);
    expect(parseByteSize('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(parseByteSize(' 3 MiB ')).toBe(3 * 2 ** 20);
    expect(parseByteSize('0.5KB')).toBe(500);
  });

  it('refuses what is not a positive whole number of bytes', () => {
    for (const bad of ['', '0', '0KB', '-1', '1.5', '0.0001KB', '1e6', '1Q', '1 G B', 'GB', '1,000', '8192TiB', '1.2.3']) {
      expect(parseByteSize(bad), bad).toBeUndefined();
    }
  });
});

describe('semverSuggestion', () => {
  it('completes and cleans near-miss versions', () => {
    expect(semverSuggestion('v1.0')).toBe('1.0.0');
    expect(semverSuggestion('1')).toBe('1.0.0');
    expect(semverSuggestion('=2.1')).toBe('2.1.0');
    expect(semverSuggestion('01.02.03')).toBe('1.2.3');
    expect(semverSuggestion('v1.0-beta.1')).toBe('1.0.0-beta.1');
  });

  it('suggests nothing for text that is no version, or already one', () => {
    for (const t of ['latest', '1.2.3.4', 'v', '', '1.0.0', 'x'.repeat(300)]) expect(semverSuggestion(t), t).toBeUndefined();
  });
});

describe('closest', () => {
  it('finds the near miss, transpositions included, and nothing when nothing is close', async () => {
    const { closest, editDistance } = await import('../../src/util/did-you-mean.js');
    const known = ['MODELSIGN_KEY', 'MODELSIGN_MODEL', 'MODELSIGN_PASSPHRASE', 'MODELSIGN_IDENTITY'];
    expect(closest('MODELSIGN_KYE', known)).toBe('MODELSIGN_KEY');
    expect(closest('MODELSIGN_MODLE', known)).toBe('MODELSIGN_MODEL');
    expect(closest('modelsign_key', known)).toBe('MODELSIGN_KEY');
    expect(closest('MODELSIGN_QQQQQQQQQQQQ', known)).toBeUndefined();
    expect(closest('X'.repeat(1000), known)).toBeUndefined();
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
