/**
 * The scanners: code execution and hidden data in model files, found without loading them.
 * Formats are told by their bytes (detect.ts) and walked by pure parsers over a ByteSource
 * (pickle.ts with the import rules of globals.ts, zip.ts, safetensors.ts, gguf.ts, npy.ts).
 * They see a model through a source inspector (inspector.ts): the bytes the read hashed.
 * `modelsign scan` is scan-path.ts; verify's formats rules are stage.ts. See docs/scanning.md.
 */
export { scanPath, type ScanOptions, type ScanResult } from './scan-path.js';
export { ScanInspector } from './inspector.js';
export { formatsStage } from './stage.js';
export type { FileReport, Finding, Severity } from './types.js';
