/**
 * sign's version check skips loading semver for plain versions; it must accept, refuse and
 * clean exactly as semver.valid/semver.clean do.
 */
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { checkVersion } from '../../src/sign/sign.js';

const CASES = [
  '1.0.0', '0.0.1', '10.20.30', '1.2.3-rc.1', '1.2.3-0.a-b.9', '1.2.3-x.7.z.92', '1.0.0-alpha-beta',
  '01.0.0', '1.0', '1', 'v1.0.0', '=1.0.0', '1.0.0+build.5', '1.2.3-01', ' 1.0.0', '1.0.0 ',
  '99999999999999999999.0.0', '9007199254740991.0.0', '9007199254740992.0.0', '1.0.0-', '1.0.0-alpha..1', '1.0.0-ä', '', 'x.y.z',
  `1.0.0-${'a'.repeat(260)}`,
];

describe('checkVersion agrees with semver', () => {
  for (const v of CASES) {
    it(JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}...(${v.length})` : v), async () => {
      const want = semver.valid(v) ? semver.clean(v) : null;
      const got = await checkVersion(v).then(
        (x) => x,
        (e: { code?: string }) => (expect(e.code).toBe('BAD_VERSION'), null),
      );
      expect(got).toBe(want);
    });
  }
});
