import { describe, expect, it } from 'vitest';
import { evaluateLicense, normalizeLicense, type CompiledRule } from '../../src/policy/licenses.js';

function rule(allow: string[], deny: string[] = []): CompiledRule {
  return { allow: allow.map((s) => normalizeLicense(s)), deny: deny.map((s) => normalizeLicense(s)) };
}

describe('normalizeLicense', () => {
  it('maps Hugging Face ids to SPDX ids, case-insensitively', () => {
    expect(normalizeLicense('apache-2.0').spdx).toBe('Apache-2.0');
    expect(normalizeLicense('MIT').spdx).toBe('MIT');
    expect(normalizeLicense('mit').spdx).toBe('MIT');
    expect(normalizeLicense('cc-by-nc-4.0').spdx).toBe('CC-BY-NC-4.0');
    expect(normalizeLicense('odbl').spdx).toBe('ODbL-1.0');
    expect(normalizeLicense('gpl-3.0').spdx).toBe('GPL-3.0-only');
  });
  it('keeps community licenses as LicenseRef ids', () => {
    expect(normalizeLicense('llama3').spdx).toBe('LicenseRef-llama3');
    expect(normalizeLicense('Llama3.1').spdx).toBe('LicenseRef-llama3.1');
    expect(normalizeLicense('gemma').spdx).toBe('LicenseRef-gemma');
    expect(normalizeLicense('openrail++').spdx).toBe('LicenseRef-openrailplusplus');
    expect(normalizeLicense('LicenseRef-Acme-Internal').spdx).toBe('LicenseRef-acme-internal');
  });
  it('normalises SPDX expressions token by token', () => {
    expect(normalizeLicense('mit or apache-2.0').spdx).toBe('MIT OR Apache-2.0');
    expect(normalizeLicense('(MIT AND llama3) OR bsd-3-clause').spdx).toBe('(MIT AND LicenseRef-llama3) OR BSD-3-Clause');
    expect(normalizeLicense('apache-2.0 with llvm-exception').spdx).toBe('Apache-2.0 WITH LLVM-exception');
    expect(normalizeLicense('GPL-2.0+').spdx).toBe('GPL-2.0+');
    expect(normalizeLicense('mpl-2.0+').spdx).toBe('MPL-2.0+');
  });
  it('marks missing, unparseable and unknown licenses', () => {
    expect(normalizeLicense(undefined)).toMatchObject({ raw: 'none', spdx: 'LicenseRef-none' });
    expect(normalizeLicense('   ').raw).toBe('none');
    expect(normalizeLicense('Llama 3 Community License').spdx).toBeUndefined();
    expect(normalizeLicense('MIT AND').spdx).toBeUndefined();
    expect(normalizeLicense('MIT WITH not-an-exception').spdx).toBeUndefined();
    expect(normalizeLicense('x'.repeat(2000)).spdx).toBeUndefined();
    expect(normalizeLicense('acme-eula').known).toBe(false);
    expect(normalizeLicense('constructor')).toMatchObject({ spdx: 'LicenseRef-constructor', known: false });
    expect(normalizeLicense('__proto__').spdx).toBeUndefined();
    expect(normalizeLicense(['llama3'])).toMatchObject({ raw: '["llama3"]', spdx: undefined });
    expect(normalizeLicense(3).spdx).toBeUndefined();
    expect(normalizeLicense('llama3').known).toBe(true);
  });
});

describe('evaluateLicense', () => {
  const retrain = rule(['apache-2.0', 'mit'], ['llama3']);
  it('allows listed ids whatever their spelling', () => {
    expect(evaluateLicense(normalizeLicense('Apache-2.0'), retrain).ok).toBe(true);
    expect(evaluateLicense(normalizeLicense('APACHE-2.0'), retrain).ok).toBe(true);
  });
  it('refuses denied and unlisted ids, saying which and why', () => {
    expect(evaluateLicense(normalizeLicense('llama3'), retrain)).toEqual({ ok: false, blockers: [{ term: 'LicenseRef-llama3', reason: 'denied' }] });
    expect(evaluateLicense(normalizeLicense('cc-by-nc-4.0'), retrain)).toEqual({ ok: false, blockers: [{ term: 'CC-BY-NC-4.0', reason: 'not-allowed' }] });
  });
  it('deny wins over allow', () => {
    expect(evaluateLicense(normalizeLicense('llama3'), rule(['llama3', 'mit'], ['llama3'])).ok).toBe(false);
    expect(evaluateLicense(normalizeLicense('GPL-3.0-only'), rule(['GPL-2.0+'], ['gpl-3.0'])).ok).toBe(false);
  });
  it('OR needs one acceptable branch, AND needs every id', () => {
    expect(evaluateLicense(normalizeLicense('MIT OR llama3'), retrain).ok).toBe(true);
    const and = evaluateLicense(normalizeLicense('apache-2.0 AND llama3'), retrain);
    expect(and).toEqual({ ok: false, blockers: [{ term: 'LicenseRef-llama3', reason: 'denied' }] });
    expect(evaluateLicense(normalizeLicense('(MIT AND llama3) OR (Apache-2.0 AND cc-by-4.0)'), retrain).ok).toBe(false);
    expect(evaluateLicense(normalizeLicense('(MIT AND llama3) OR (Apache-2.0 AND cc-by-4.0)'), rule(['mit', 'apache-2.0', 'cc-by-4.0'], ['llama3'])).ok).toBe(true);
  });
  it('uses SPDX ranges: GPL-3.0 satisfies an allowed GPL-2.0+', () => {
    expect(evaluateLicense(normalizeLicense('gpl-3.0'), rule(['GPL-2.0+'])).ok).toBe(true);
    expect(evaluateLicense(normalizeLicense('LGPL-2.1-only'), rule(['GPL-2.0+'])).ok).toBe(false);
  });
  it('other, unknown, missing and unrecognised names pass only when allowed by name', () => {
    for (const l of ['other', 'unknown', undefined, 'acme-eula']) {
      const lic = normalizeLicense(l);
      expect(evaluateLicense(lic, rule(['apache-2.0', 'mit'])).ok).toBe(false);
      expect(evaluateLicense(lic, rule(['apache-2.0', lic.raw])).ok).toBe(true);
    }
    expect(evaluateLicense(normalizeLicense('other'), rule(['mit']))).toEqual({ ok: false, blockers: [{ term: 'LicenseRef-other', reason: 'unknown' }] });
    expect(evaluateLicense(normalizeLicense('Llama 3 Community License'), rule(['mit']))).toEqual({ ok: false, blockers: [{ term: 'Llama 3 Community License', reason: 'unknown' }] });
  });
  it('fails closed on expressions whose expansion is too large', () => {
    const huge = Array.from({ length: 12 }, (_, i) => `(MIT OR LicenseRef-x${i})`).join(' AND ');
    expect(normalizeLicense(huge).spdx).toBeDefined();
    expect(evaluateLicense(normalizeLicense(huge), rule(['mit'])).ok).toBe(false);
  });
});
