/** The Action's wording of library messages that name CLI flags (src/action/words.ts). */
import { describe, expect, it } from 'vitest';
import { actionTerms, flagInActionTerms } from '../../src/action/words.js';

describe('actionTerms', () => {
  it('names the input for a flag that has one, placeholder dropped', () => {
    expect(actionTerms('the policy requires verified lineage, but no lineage was checked (give --lineage DIR)')).toBe(
      'the policy requires verified lineage, but no lineage was checked (give input "lineage")',
    );
    expect(actionTerms('give the identity you trust: --identity ID (or --identity-regexp RE) with --identity-provider ISSUER; without one')).toBe(
      'give the identity you trust: input "identity" (or input "identity-regexp") with input "identity-provider"; without one',
    );
    expect(actionTerms('--version must be a semantic version like 1.2.0 (got "x")')).toBe('input "version" must be a semantic version like 1.2.0 (got "x")');
  });

  it("maps sign's --record to the lineage input and keeps a number with its flag", () => {
    expect(actionTerms('file it with --record=DIR')).toBe('file it with input "lineage"');
    expect(actionTerms('use a larger --shard-size (e.g. --shard-size 2048)')).toBe('use a larger input "shard-size" (e.g. input "shard-size" set to 2048)');
  });

  it('says a flag with no input is the CLI\'s, and words a CLI command line as the command input', () => {
    expect(actionTerms('symlinks are not allowed (use --allow-symlinks for links inside the model)')).toBe(
      "symlinks are not allowed (use the CLI's --allow-symlinks (not an input of this Action) for links inside the model)",
    );
    expect(actionTerms('sign it with modelsign sign --version and link that signature')).toBe('sign it with command sign with input "version" and link that signature');
  });

  it('leaves double hyphens inside names alone', () => {
    const msg = 'models--acme--llm/snapshots: revision not cached (a--b)';
    expect(actionTerms(msg)).toBe(msg);
  });

  it('flagInActionTerms', () => {
    expect(flagInActionTerms('audit-log')).toBe('input "audit-log"');
    expect(flagInActionTerms('pull-to')).toBe("the CLI's --pull-to (not an input of this Action)");
  });
});
