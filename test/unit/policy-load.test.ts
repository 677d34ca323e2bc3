import { describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { parsePolicyText } from '../../src/policy/load.js';

function fail(text: string): ModelsignError {
  try {
    parsePolicyText(text, '/etc/p.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ModelsignError);
    expect((e as ModelsignError).kind).toBe('usage');
    return e as ModelsignError;
  }
  throw new Error('policy was accepted');
}

const HEAD = 'apiVersion: modelsign/v1\n';

describe('policy schema', () => {
  it('reads the full example of the issue', () => {
    const p = parsePolicyText(
      `${HEAD}trust:
  keys: [release.pub]
  certificateChains: [ca.pem]
  identities:
    - identity: https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main
      issuer: https://token.actions.githubusercontent.com
    - identityRegExp: '^https://github\\.com/acme/.+$'
      issuer: https://token.actions.githubusercontent.com
license:
  deploy:  { allow: [apache-2.0, mit, llama3.1] }
  retrain: { allow: [apache-2.0, mit], deny: [llama3] }
lineage:
  require: true
  minVersion: { acme/llm: 2.0.0 }
revoked: ["sha256:${'AB'.repeat(32)}"]
formats: { deny: [pickle], scan: true }
`,
      '/etc/modelsign/p.yaml',
    );
    expect(p.trust).toEqual({
      keys: ['/etc/modelsign/release.pub'],
      certificateChains: ['/etc/modelsign/ca.pem'],
      identities: [
        { identity: 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main', issuer: 'https://token.actions.githubusercontent.com' },
        { identityRegExp: '^(?:^https://github\\.com/acme/.+$)$', issuer: 'https://token.actions.githubusercontent.com' },
      ],
    });
    expect(p.license).toEqual({ deploy: { allow: ['apache-2.0', 'mit', 'llama3.1'], deny: [] }, retrain: { allow: ['apache-2.0', 'mit'], deny: ['llama3'] } });
    expect(p.rules.retrain?.deny[0]?.spdx).toBe('LicenseRef-llama3');
    expect(p.lineage).toEqual({ require: true, minVersion: { 'acme/llm': '2.0.0' } });
    expect(p.revoked).toEqual([`sha256:${'ab'.repeat(32)}`]);
    expect(p.formats).toEqual({ deny: ['pickle'], scan: true });
  });

  it('takes JSON too, and an empty policy has safe defaults', () => {
    const p = parsePolicyText('{"apiVersion": "modelsign/v1"}', 'p.json');
    expect(p).toMatchObject({ trust: undefined, license: undefined, lineage: { require: false, minVersion: {} }, revoked: [], formats: undefined });
  });

  it('anchors identity patterns', () => {
    const p = parsePolicyText(`${HEAD}trust:\n  identities:\n    - identityRegExp: 'https://github\\.com/acme/.+'\n      issuer: i\n`, 'p.yaml');
    const re = new RegExp(p.trust!.identities[0]!.identityRegExp!, 'u');
    expect(re.test('https://github.com/acme/x')).toBe(true);
    expect(re.test('https://evil.example/?https://github.com/acme/x')).toBe(false);
  });

  it.each([
    ['misspelt top-level key', `${HEAD}licence: {}\n`, 'licence: unknown field (did you mean "license"?)'],
    ['misspelt nested key', `${HEAD}trust:\n  kyes: [a.pub]\n`, 'trust.kyes: unknown field (did you mean "keys"?)'],
    ['misspelt purpose', `${HEAD}license:\n  deplyo: {allow: [mit]}\n`, 'license.deplyo: unknown field (did you mean "deploy"?)'],
    ['unknown field in an identity', `${HEAD}trust:\n  identities:\n    - identity: a\n      issuer: b\n      subject: c\n`, 'trust.identities[0].subject: unknown field'],
    ['bad regexp', `${HEAD}trust:\n  identities:\n    - identityRegExp: 'a(b'\n      issuer: b\n`, 'trust.identities[0].identityRegExp: is not a valid regular expression'],
    ['identity and regexp both', `${HEAD}trust:\n  identities:\n    - {identity: a, identityRegExp: b, issuer: c}\n`, 'trust.identities[0]: needs exactly one of identity or identityRegExp'],
    ['identity without issuer', `${HEAD}trust:\n  identities:\n    - {identity: a}\n`, 'trust.identities[0].issuer: is required'],
    ['empty trust', `${HEAD}trust: {}\n`, 'trust: names no key'],
    ['keys not a list', `${HEAD}trust:\n  keys: a.pub\n`, 'trust.keys: must be a list, got string "a.pub"'],
    ['allow missing', `${HEAD}license:\n  retrain: {deny: [llama3]}\n`, 'license.retrain.allow: is required'],
    ['expression in a list', `${HEAD}license:\n  deploy: {allow: [MIT OR Apache-2.0]}\n`, 'license.deploy.allow[0]: "MIT OR Apache-2.0" must be one license id'],
    ['not a license id', `${HEAD}license:\n  deploy: {allow: [mit, "Llama 3 License"]}\n`, 'license.deploy.allow[1]: "Llama 3 License" is not a license id'],
    ['number where a list item belongs', `${HEAD}license:\n  deploy: {allow: [mit, 3]}\n`, 'license.deploy.allow[1]: must be a non-empty string, got number 3'],
    ['require not a boolean', `${HEAD}lineage:\n  require: yes\n`, 'lineage.require: must be true or false, got string "yes"'],
    ['minVersion unquoted number', `${HEAD}lineage:\n  minVersion: {acme/llm: 2.0}\n`, 'lineage.minVersion.acme/llm: must be a quoted semver string'],
    ['minVersion not semver', `${HEAD}lineage:\n  minVersion: {acme/llm: "v2"}\n`, 'lineage.minVersion.acme/llm: "v2" is not a semver version'],
    ['bad revoked digest', `${HEAD}revoked: ["sha256:abc"]\n`, 'revoked[0]: "sha256:abc" is not a root digest'],
    ['formats.scan wrong type', `${HEAD}formats: {scan: "true"}\n`, 'formats.scan: must be true or false'],
    ['wrong apiVersion', 'apiVersion: modelsign/v2\n', 'apiVersion: must be modelsign/v1'],
    ['missing apiVersion', 'revoked: []\n', 'apiVersion: is required'],
    ['duplicate key', `${HEAD}license:\n  deploy: {allow: [mit]}\n  deploy: {allow: [llama3]}\n`, 'license.deploy: is given more than once'],
    ['duplicate top-level key', `${HEAD}apiVersion: modelsign/v1\n`, 'apiVersion: is given more than once'],
    ['YAML syntax error', `${HEAD}license: [\n`, 'line '],
    ['a list, not a mapping', '- a\n- b\n', 'must be a mapping, not a list'],
    ['custom tag', `${HEAD}revoked: !!binary aGVsbG8=\n`, 'revoked: must be a list'],
  ])('%s -> usage error naming the field', (_name, text, message) => {
    const e = fail(text);
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.message).toContain(`policy /etc/p.yaml: ${message}`);
    expect(e.message).not.toContain('\n');
  });

  it('a huge unknown key gets the plain field list and is shortened in the message', () => {
    const e = fail(`{"apiVersion": "modelsign/v1", "${'x'.repeat(200_000)}": 1}`);
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.message).toMatch(/^policy \/etc\/p\.yaml: x{80}…: unknown field \(known fields: apiVersion, /);
    expect(e.message.length).toBeLessThan(400);
  });

  it('bounds aliases (no exponential expansion)', () => {
    const bomb = `${HEAD}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`;
    expect(fail(bomb).code).toBe('POLICY_INVALID');
  });
});
