/**
 * The library words some of its messages in the CLI's terms (`--shard-size`, `give --lineage
 * DIR`): the Action says the same in its own, naming the input (`input "shard-size"`). Every
 * message the Action prints, annotates or writes to the summary goes through actionTerms.
 */

/** CLI flags with an Action input of their own, by flag name. */
const INPUT_OF_FLAG: Readonly<Record<string, string>> = {
  key: 'key',
  signature: 'signature',
  keyless: 'keyless',
  identity: 'identity',
  'identity-regexp': 'identity-regexp',
  'identity-provider': 'identity-provider',
  'certificate-chain': 'certificate-chain',
  policy: 'policy',
  purpose: 'purpose',
  name: 'name',
  version: 'version',
  license: 'license',
  parent: 'parent',
  lineage: 'lineage',
  // sign --record DIR files the bundle in a store: the Action's sign takes it as "lineage".
  record: 'lineage',
  'ignore-paths': 'ignore-paths',
  'shard-size': 'shard-size',
  'min-version': 'min-version',
  revoked: 'revoked',
  state: 'state',
  'audit-log': 'audit-log',
};

/** What a CLI flag is called here: its input, or the CLI's own option (no input has it). */
export function flagInActionTerms(flag: string): string {
  const input = INPUT_OF_FLAG[flag];
  return input !== undefined ? `input "${input}"` : `the CLI's --${flag} (not an input of this Action)`;
}

/**
 * A flag as the CLI spells it: after a space, bracket, quote or the start, so file names such
 * as "models--org--name" are left alone. A placeholder after it (`--lineage DIR`, `--key
 * PUBLIC_KEY`) or a number (`--shard-size 2048`) belongs to the flag.
 */
const FLAG = /(^|[\s(`"'])(?:modelsign (sign|verify) )?--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:[ =]([A-Z][A-Z_]*[A-Z]|\d+)(?![\w-]))?/g;

/** A message with every CLI flag it names put in the Action's terms. */
export function actionTerms(message: string): string {
  return message.replace(FLAG, (_all, lead: string, command: string | undefined, flag: string, value: string | undefined) => {
    const named = flagInActionTerms(flag);
    const withValue = value !== undefined && /^\d+$/.test(value) ? `${named} set to ${value}` : named;
    return `${lead}${command ? `command ${command} with ` : ''}${withValue}`;
  });
}
