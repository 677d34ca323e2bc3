/**
 * Imported first by main.ts. For the commands that hash (digest, sign, verify) it starts the
 * hash threads at once (or, for sha256 with the native addon, loads the addon), so their start-up (tens of ms each) overlaps the loading of the CLI
 * and the library instead of following it. Nothing is loaded for any other command, so
 * `modelsign --version` stays as fast as before. MODELSIGN_PREWARM=0 turns it off.
 */
const HASHING = new Set(['digest', 'sign', 'verify']);

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === flag ? argv[i + 1] : a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : undefined;
    if (v !== undefined) return v;
  }
  return undefined;
}

function jobsFrom(argv: readonly string[]): number | undefined {
  const v = flagValue(argv, '--jobs');
  return v !== undefined && /^\d{1,3}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
}

const argv = process.argv.slice(2);
// Program options before the command take no values, so the first bare word is the command.
const command = argv.find((a) => !a.startsWith('-'));
if (command && HASHING.has(command) && !argv.includes('--help') && !argv.includes('-h') && process.env.MODELSIGN_PREWARM !== '0') {
  const jobs = jobsFrom(argv);
  // The raw --hash value: no flag or an unknown value means sha256 (digest and sign's default;
  // verify assumes it until it reads the signature), which with the native addon needs no
  // worker threads: prewarm then just loads the addon.
  const alg = flagValue(argv, '--hash');
  void import('../hashing/engine.js').then((m) => m.prewarmHashPool({ ...(jobs ? { jobs } : {}), alg })).catch(() => undefined);
}

export {};
