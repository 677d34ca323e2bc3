/**
 * Imported first by main.ts. For the commands that hash (digest, sign, verify) it starts the
 * hash threads at once, so their start-up (tens of ms each) overlaps the loading of the CLI
 * and the library instead of following it. Nothing is loaded for any other command, so
 * `modelsign --version` stays as fast as before. MODELSIGN_PREWARM=0 turns it off.
 */
const HASHING = new Set(['digest', 'sign', 'verify']);

function jobsFrom(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--jobs' ? argv[i + 1] : a.startsWith('--jobs=') ? a.slice(7) : undefined;
    if (v !== undefined && /^\d{1,3}$/.test(v) && Number(v) > 0) return Number(v);
  }
  return undefined;
}

const argv = process.argv.slice(2);
// Program options before the command take no values, so the first bare word is the command.
const command = argv.find((a) => !a.startsWith('-'));
if (command && HASHING.has(command) && !argv.includes('--help') && !argv.includes('-h') && process.env.MODELSIGN_PREWARM !== '0') {
  const jobs = jobsFrom(argv);
  void import('../hashing/engine.js').then((m) => m.prewarmHashPool(jobs ? { jobs } : {})).catch(() => undefined);
}

export {};
