/**
 * A pickle opcode walker: reads protocols 0-5 without executing anything.
 *
 * It keeps just enough of the unpickler's state - the stack, the mark stack and the memo -
 * to know which strings reach STACK_GLOBAL (protocol 4 names its imports with two strings
 * from the stack, possibly fetched from the memo) and which imported globals are then called
 * (REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST) or given state (BUILD). Every other value is an
 * opaque placeholder, so memory stays small; strings are kept only up to a byte budget.
 *
 * It fails closed: an unknown opcode, a truncated stream, a memo miss or a non-string
 * STACK_GLOBAL operand is a finding, because the real unpickler may behave differently on
 * input we cannot follow. Imports seen before the problem are still reported, since Python
 * runs them before it reaches the bad byte.
 *
 * Two kinds of stop are told apart. `Malformed` is input CPython's unpickler refuses at the
 * same byte (unknown opcode, stack underflow, memo miss, bad UTF-8 where it decodes strictly,
 * end of data): nothing after it runs. `Unfollowable` is input CPython would go on reading but
 * this walker will not (a line over 1 MiB, a limit): what follows is unknown. A file that only
 * *may* be a pickle (a `.bin`, an extension-less file) and stops with `Malformed` before any
 * import cannot run anything when unpickled, so it is reported as not a pickle; any other
 * stop is a finding.
 *
 * Readers also disagree on FRAME boundaries: an opcode whose argument runs past the end of
 * its frame is read inline by pickle.loads and by this walker, while pickle.load on a file
 * (torch.load included) drops the rest of the frame and reads the argument after it, so the
 * two see different opcodes. pickle never writes that; it is reported as an evasion.
 */
import type { FindingCode } from '../codes.js';
import { isUtf8 } from 'node:buffer';
import { canonicalModule, classifyGlobal } from './globals.js';
import { Truncated, type ByteSource } from './source.js';
import type { Finding, PickleImport, ScanLimits, Severity } from './types.js';

interface Global {
  module: string;
  name: string;
}
type Value =
  | { k: 'mark' }
  | { k: 'str'; s: string }
  | { k: 'global'; g: Global }
  | { k: 'obj'; g: Global }
  | { k: 'other'; what: string };

const OTHER: Value = { k: 'other', what: 'value' };
const BYTES: Value = { k: 'other', what: 'bytes' };
const LONGSTR: Value = { k: 'other', what: 'string too long to follow' };
/** A string with lone surrogates (BINUNICODE decodes with surrogatepass): no module or attribute name. */
const ODDSTR: Value = { k: 'other', what: 'string with surrogate code points' };
/** torch's legacy magic number, as a literal. */
const MAGIC: Value = { k: 'other', what: 'torch magic number' };
/** What calling something that is not an imported global returned (unknown). */
const CALLED: Value = { k: 'other', what: 'call result' };

/** Opcode names, for messages. */
const NAMES: Record<number, string> = {
  0x28: 'MARK', 0x2e: 'STOP', 0x30: 'POP', 0x31: 'POP_MARK', 0x32: 'DUP', 0x46: 'FLOAT', 0x49: 'INT', 0x4a: 'BININT',
  0x4b: 'BININT1', 0x4c: 'LONG', 0x4d: 'BININT2', 0x4e: 'NONE', 0x50: 'PERSID', 0x51: 'BINPERSID', 0x52: 'REDUCE',
  0x53: 'STRING', 0x54: 'BINSTRING', 0x55: 'SHORT_BINSTRING', 0x56: 'UNICODE', 0x58: 'BINUNICODE', 0x61: 'APPEND',
  0x62: 'BUILD', 0x63: 'GLOBAL', 0x64: 'DICT', 0x7d: 'EMPTY_DICT', 0x65: 'APPENDS', 0x67: 'GET', 0x68: 'BINGET',
  0x69: 'INST', 0x6a: 'LONG_BINGET', 0x6c: 'LIST', 0x5d: 'EMPTY_LIST', 0x6f: 'OBJ', 0x70: 'PUT', 0x71: 'BINPUT',
  0x72: 'LONG_BINPUT', 0x73: 'SETITEM', 0x74: 'TUPLE', 0x29: 'EMPTY_TUPLE', 0x75: 'SETITEMS', 0x47: 'BINFLOAT',
  0x80: 'PROTO', 0x81: 'NEWOBJ', 0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x85: 'TUPLE1', 0x86: 'TUPLE2', 0x87: 'TUPLE3',
  0x88: 'NEWTRUE', 0x89: 'NEWFALSE', 0x8a: 'LONG1', 0x8b: 'LONG4', 0x42: 'BINBYTES', 0x43: 'SHORT_BINBYTES',
  0x8c: 'SHORT_BINUNICODE', 0x8d: 'BINUNICODE8', 0x8e: 'BINBYTES8', 0x8f: 'EMPTY_SET', 0x90: 'ADDITEMS', 0x91: 'FROZENSET',
  0x92: 'NEWOBJ_EX', 0x93: 'STACK_GLOBAL', 0x94: 'MEMOIZE', 0x95: 'FRAME', 0x96: 'BYTEARRAY8', 0x97: 'NEXT_BUFFER',
  0x98: 'READONLY_BUFFER',
};

/** Longest string kept as a value (module and qualified names are far shorter). */
const MAX_KEPT_STRING = 1024;
/** Longest text line a protocol 0 opcode may carry. */
const MAX_LINE = 1 << 20;

/** torch.save's legacy (non-zip) format opens with this number (LONG1 at protocol 2). */
const TORCH_MAGIC = Buffer.from([0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19]);
const TORCH_MAGIC_DECIMAL = '119547037146038801333356';
/** magic, protocol version, sys info, the object, the storage keys. */
const LEGACY_TORCH_PICKLES = 5;

/** Input CPython's unpickler also refuses, at the same point. */
class Malformed extends Error {}
/** Input CPython would keep reading but the walker does not follow (what comes next is unknown). */
class Unfollowable extends Error {}
class LimitHit extends Error {}
/** Readers disagree about which opcodes the bytes hold. */
class Diverges extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

export interface PickleScan {
  imports: PickleImport[];
  findings: Finding[];
  /** Pickles walked to their STOP (legacy torch files hold several). */
  pickles: number;
  opcodes: number;
  /**
   * With `candidate`: the bytes are not a pickle anything could run - CPython's unpickler
   * refuses them before any import. `findings` and `imports` are then empty.
   */
  notPickle: boolean;
}

export interface PickleScanOptions {
  file: string;
  member?: string;
  limits: ScanLimits;
  /** Walk further pickles that follow the first STOP (legacy torch files). Default true. */
  multiple?: boolean;
  /**
   * The file only may be a pickle (named like files loaders unpickle, content unrecognised):
   * bytes the unpickler refuses before importing anything are reported as `notPickle`.
   */
  candidate?: boolean;
}

function describe(v: Value | undefined): string {
  if (v === undefined) return 'nothing (empty stack)';
  switch (v.k) {
    case 'mark': return 'a MARK';
    case 'str': return JSON.stringify(v.s.slice(0, 80));
    case 'global': return `the global ${v.g.module}.${v.g.name}`;
    case 'obj': return `an object made by ${v.g.module}.${v.g.name}`;
    default: return `a ${v.what}`;
  }
}

/** Decode the body of a protocol 0 STRING ('...' or "..." with Python escapes). */
function decodeQuoted(line: Buffer): string | undefined {
  const t = line.toString('latin1');
  if (t.length < 2 || (t[0] !== "'" && t[0] !== '"') || t[t.length - 1] !== t[0]) return undefined;
  const body = t.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
    if (simple[e] !== undefined) out += simple[e];
    else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCharCode(parseInt(m, 8) & 0xff);
      i += m.length - 1;
    } else out += `\\${e}`;
  }
  return out;
}

/** Decode a protocol 0 UNICODE line (raw-unicode-escape). */
function decodeRawUnicode(line: Buffer): string | undefined {
  const t = line.toString('latin1');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && (t[i + 1] === 'u' || t[i + 1] === 'U')) {
      const n = t[i + 1] === 'u' ? 4 : 8;
      const hex = t.slice(i + 2, i + 2 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i += 1 + n;
    } else out += t[i];
  }
  return out;
}

/** UTF-8 that encodes lone surrogates (ED A0-BF xx), which surrogatepass accepts. */
const ENCODED_SURROGATE = /\xed[\xa0-\xbf][\x80-\xbf]/g;

/**
 * BINUNICODE-family decoding as CPython does it ('utf-8', 'surrogatepass'): a string, an
 * opaque value for one with lone surrogates, or Malformed for bytes CPython refuses too.
 */
function utf8Value(b: Buffer): Value {
  if (isUtf8(b)) return { k: 'str', s: b.toString('utf8') };
  if (isUtf8(Buffer.from(b.toString('latin1').replace(ENCODED_SURROGATE, 'a'), 'latin1'))) return ODDSTR;
  throw new Malformed('string is not valid UTF-8');
}

/**
 * A memo index from a protocol 0 GET/PUT line, read as CPython's int() reads it (after the
 * first NUL nothing counts; spaces, a sign, underscores between digits): a number, or the
 * decimal text of one too large to be exact, or undefined when CPython refuses it too.
 */
function memoIndex(line: Buffer): number | string | undefined {
  const nul = line.indexOf(0);
  const t = line.toString('latin1', 0, nul < 0 ? line.length : nul).trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(t) || t.length > 4300) return undefined;
  const v = BigInt(t.replace(/_/g, ''));
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

/** Allowed globals whose call can return an int: all others return tensors, containers, bytes... */
const MAY_RETURN_INT = new Set(['builtins.int', 'copyreg._reconstructor']);

/**
 * Could this pickle result be torch's magic number (so torch.load goes on to the next four)?
 * A global itself may be any module attribute, an int constant included; what an allowed
 * global returns when called is known (tensors, containers, bytes) unless it may be an int.
 */
function mayBeMagic(v: Value): boolean {
  if (v === MAGIC || v === CALLED || v.k === 'global') return true;
  if (v.k !== 'obj') return false;
  return classifyGlobal(v.g.module, v.g.name).verdict !== 'allowed' || MAY_RETURN_INT.has(`${canonicalModule(v.g.module)}.${v.g.name}`);
}

export async function walkPickles(src: ByteSource, opts: PickleScanOptions): Promise<PickleScan> {
  const { limits } = opts;
  const imports = new Map<Global, PickleImport>();
  const findings: Finding[] = [];
  const base = { file: opts.file, ...(opts.member !== undefined ? { member: opts.member } : {}) };
  const add = (severity: Severity, code: FindingCode, message: string, offset?: number, global?: string) => {
    findings.push({ ...base, code, severity, message, ...(offset !== undefined ? { offset } : {}), ...(global !== undefined ? { global } : {}) });
  };
  let opcodes = 0;
  let pickles = 0;
  let stringBytes = 0;
  /** What the last pickle walked returned (STOP's operand). */
  let result: Value = OTHER;
  /** An import, or an extension-registry code, was met: unpickling may have run something. */
  let reachedCode = false;

  // One Global object per distinct module/name, so records are keyed by identity.
  const interned = new Map<string, Global>();
  const globalOf = (module: string, name: string): Global => {
    const k = `${module}\n${name}`;
    let g = interned.get(k);
    if (!g) {
      if (interned.size >= limits.maxImports) throw new LimitHit(`more than ${limits.maxImports} distinct imported globals`);
      g = { module, name };
      interned.set(k, g);
    }
    return g;
  };
  const record = (g: Global, via?: string, use?: string): void => {
    reachedCode = true;
    let imp = imports.get(g);
    if (!imp) {
      imp = { module: g.module, name: g.name, via: [], usedBy: [], verdict: classifyGlobal(g.module, g.name).verdict, ...(opts.member !== undefined ? { member: opts.member } : {}) };
      imports.set(g, imp);
    }
    if (via && !imp.via.includes(via)) imp.via.push(via);
    if (use && !imp.usedBy.includes(use)) imp.usedBy.push(use);
  };
  const used = (v: Value | undefined, use: string): void => {
    if (v && (v.k === 'global' || v.k === 'obj')) record(v.g, undefined, use);
  };

  const str = (b: Buffer, enc: 'utf8' | 'latin1'): Value => {
    if (b.length > MAX_KEPT_STRING || stringBytes + b.length > limits.maxStringBytes) return LONGSTR;
    stringBytes += b.length;
    if (enc === 'latin1') return { k: 'str', s: b.toString('latin1') };
    return utf8Value(b);
  };

  const walkOne = async (): Promise<void> => {
    const stack: Value[] = [];
    const marks: number[] = [];
    const memo = new Map<number | string, Value>();
    /** End of the current FRAME (absolute offset), while inside one. */
    let frameEnd: number | undefined;
    const push = (v: Value) => {
      if (stack.length >= limits.maxStack) throw new LimitHit(`stack deeper than ${limits.maxStack}`);
      stack.push(v);
    };
    const pop = (): Value => {
      if (stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1]!)) throw new Malformed('pop from an empty stack');
      return stack.pop()!;
    };
    const popMark = (): Value[] => {
      const m = marks.pop();
      if (m === undefined) throw new Malformed('no MARK to pop to');
      return stack.splice(m);
    };
    const top = (): Value => {
      if (stack.length === 0) throw new Malformed('empty stack');
      return stack[stack.length - 1]!;
    };
    // Fixed-size arguments (at most 9 bytes) are read synchronously: the loop buffers 16
    // bytes ahead of each opcode, so only a truncated stream can run short here.
    const fixed = (n: number): Buffer => {
      if (src.buffered < n) throw new Truncated(src.pos + src.buffered);
      return src.take(n);
    };
    const size8 = (b: Buffer): number => {
      const v = b.readBigUInt64LE(0);
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Malformed('length too large');
      return Number(v);
    };
    const lenStr = async (n: number, enc: 'utf8' | 'latin1'): Promise<Value> => {
      if (n > MAX_KEPT_STRING) {
        await src.skip(n);
        return LONGSTR;
      }
      if (src.buffered < n) await src.ensure(n);
      return str(fixed(n), enc);
    };
    const skipBytes = async (n: number): Promise<Value> => {
      if (src.buffered >= n) src.take(n);
      else await src.skip(n);
      return BYTES;
    };
    const line = async (what: string): Promise<Buffer> => {
      const l = await src.line(MAX_LINE);
      if (l === undefined) throw new Unfollowable(`${what} argument longer than ${MAX_LINE} bytes`);
      return l;
    };
    const memoPut = (i: number | string, v: Value) => {
      if (!memo.has(i) && memo.size >= limits.maxMemo) throw new LimitHit(`more than ${limits.maxMemo} memo entries`);
      memo.set(i, v);
    };
    const memoGet = (i: number | string) => {
      const v = memo.get(i);
      if (v === undefined) throw new Malformed(`memo key ${i} was never stored`);
      push(v);
    };
    /** A call (REDUCE, OBJ, NEWOBJ, NEWOBJ_EX, INST) of f: its result is an object made by f if f is a global. */
    const call = (f: Value, use: string): void => {
      used(f, use);
      push(f.k === 'global' || f.k === 'obj' ? { k: 'obj', g: f.g } : CALLED);
    };
    /**
     * A GLOBAL/INST name line. At the end of the data without a newline, the C unpickler
     * refuses the line but the pure-Python one (pickle._Unpickler, which joblib uses) takes
     * what is left minus its last byte and imports it: `eof` is then set.
     */
    const nameLine = async (eof: { hit: boolean }): Promise<Buffer | undefined> => {
      if (eof.hit) return Buffer.alloc(0);
      try {
        return await src.line(1024);
      } catch (e) {
        if (!(e instanceof Truncated)) throw e;
        eof.hit = true;
        const rest = src.take(src.buffered);
        return rest.subarray(0, Math.max(0, rest.length - 1));
      }
    };
    const importGlobal = async (via: string): Promise<Global> => {
      const eof = { hit: false };
      const m = await nameLine(eof);
      const n = m === undefined ? undefined : await nameLine(eof);
      if (m === undefined || n === undefined) throw new Unfollowable(`${via} name longer than 1024 bytes`);
      if (!isUtf8(m) || !isUtf8(n)) throw new Malformed(`${via} name is not valid UTF-8`);
      const g = globalOf(m.toString('utf8'), n.toString('utf8'));
      record(g, via);
      if (eof.hit) throw new Truncated(src.pos);
      return g;
    };

    for (;;) {
      if (++opcodes > limits.maxOpcodes) throw new LimitHit(`more than ${limits.maxOpcodes} opcodes`);
      if (src.buffered < 16) await src.ensure(16);
      if (src.buffered < 1) throw new Malformed('pickle ends without STOP');
      const at = src.pos;
      if (frameEnd !== undefined && at >= frameEnd) frameEnd = undefined;
      const op = src.u8();
      try {
        switch (op) {
          case 0x28: // MARK
            marks.push(stack.length);
            break;
          case 0x2e: // STOP
            result = pop();
            return;
          case 0x30: // POP
            if (marks.length > 0 && stack.length === marks[marks.length - 1]) marks.pop();
            else pop();
            break;
          case 0x31: // POP_MARK
            popMark();
            break;
          case 0x32: // DUP
            push(top());
            break;
          case 0x46: case 0x49: case 0x4c: { // FLOAT INT LONG
            const l = await line(NAMES[op]!);
            const magic = op !== 0x46 && l.length <= 26 && l.toString('latin1').replace(/L$/, '') === TORCH_MAGIC_DECIMAL;
            push(magic ? MAGIC : OTHER);
            break;
          }
          case 0x4a: fixed(4); push(OTHER); break; // BININT
          case 0x4b: fixed(1); push(OTHER); break; // BININT1
          case 0x4d: fixed(2); push(OTHER); break; // BININT2
          case 0x47: fixed(8); push(OTHER); break; // BINFLOAT
          case 0x4e: case 0x88: case 0x89: push(OTHER); break; // NONE NEWTRUE NEWFALSE
          case 0x50: // PERSID
            await line('PERSID');
            push(OTHER);
            break;
          case 0x51: // BINPERSID
            pop();
            push(OTHER);
            break;
          case 0x52: { // REDUCE
            pop();
            call(pop(), 'REDUCE');
            break;
          }
          case 0x53: { // STRING
            const l = await line('STRING');
            const s = decodeQuoted(l);
            if (s === undefined) throw new Malformed('STRING argument is not a quoted string');
            push(str(Buffer.from(s, 'latin1'), 'latin1'));
            break;
          }
          case 0x54: { // BINSTRING
            const n = (fixed(4)).readInt32LE(0);
            if (n < 0) throw new Malformed('negative BINSTRING length');
            push(await lenStr(n, 'latin1'));
            break;
          }
          case 0x55: push(await lenStr((fixed(1))[0]!, 'latin1')); break; // SHORT_BINSTRING
          case 0x56: { // UNICODE
            const s = decodeRawUnicode(await line('UNICODE'));
            if (s === undefined) throw new Malformed('bad UNICODE escape');
            push(s.length > MAX_KEPT_STRING ? LONGSTR : { k: 'str', s });
            break;
          }
          case 0x58: push(await lenStr((fixed(4)).readUInt32LE(0), 'utf8')); break; // BINUNICODE
          case 0x8c: push(await lenStr((fixed(1))[0]!, 'utf8')); break; // SHORT_BINUNICODE
          case 0x8d: push(await lenStr(size8(fixed(8)), 'utf8')); break; // BINUNICODE8
          case 0x42: push(await skipBytes((fixed(4)).readUInt32LE(0))); break; // BINBYTES
          case 0x43: push(await skipBytes((fixed(1))[0]!)); break; // SHORT_BINBYTES
          case 0x8e: case 0x96: push(await skipBytes(size8(fixed(8)))); break; // BINBYTES8 BYTEARRAY8
          case 0x8a: { // LONG1
            const n = (fixed(1))[0]!;
            if (src.buffered < n) await src.ensure(n);
            const v = fixed(n);
            push(v.equals(TORCH_MAGIC) ? MAGIC : OTHER);
            break;
          }
          case 0x8b: { // LONG4
            const n = (fixed(4)).readInt32LE(0);
            if (n < 0) throw new Malformed('negative LONG4 length');
            if (n === TORCH_MAGIC.length && (await src.ensure(n))) {
              push(fixed(n).equals(TORCH_MAGIC) ? MAGIC : OTHER);
              break;
            }
            await src.skip(n);
            push(OTHER);
            break;
          }
          case 0x61: pop(); top(); break; // APPEND
          case 0x62: { // BUILD
            pop();
            used(top(), 'BUILD');
            break;
          }
          case 0x63: { // GLOBAL
            push({ k: 'global', g: await importGlobal('GLOBAL') });
            break;
          }
          case 0x69: { // INST
            const g = await importGlobal('INST');
            popMark();
            call({ k: 'global', g }, 'INST');
            break;
          }
          case 0x6f: { // OBJ
            const items = popMark();
            if (items.length === 0) throw new Malformed('OBJ without a class');
            call(items[0]!, 'OBJ');
            break;
          }
          case 0x81: { // NEWOBJ
            pop();
            call(pop(), 'NEWOBJ');
            break;
          }
          case 0x92: { // NEWOBJ_EX
            pop();
            pop();
            call(pop(), 'NEWOBJ_EX');
            break;
          }
          case 0x93: { // STACK_GLOBAL
            const name = pop();
            const module = pop();
            if (module.k !== 'str' || name.k !== 'str') {
              reachedCode = true;
              add('critical', 'PICKLE_NONSTRING_GLOBAL', `STACK_GLOBAL with operands that are not plain strings (module: ${describe(module)}, name: ${describe(name)}); a scanner cannot tell what it imports`, at);
              push(OTHER);
              break;
            }
            const g = globalOf(module.s, name.s);
            record(g, 'STACK_GLOBAL');
            push({ k: 'global', g });
            break;
          }
          case 0x64: case 0x6c: case 0x74: case 0x91: // DICT LIST TUPLE FROZENSET
            popMark();
            push(OTHER);
            break;
          case 0x65: case 0x75: case 0x90: // APPENDS SETITEMS ADDITEMS
            popMark();
            top();
            break;
          case 0x7d: case 0x5d: case 0x29: case 0x8f: push(OTHER); break; // EMPTY_DICT EMPTY_LIST EMPTY_TUPLE EMPTY_SET
          case 0x73: pop(); pop(); top(); break; // SETITEM
          case 0x85: pop(); push(OTHER); break; // TUPLE1
          case 0x86: pop(); pop(); push(OTHER); break; // TUPLE2
          case 0x87: pop(); pop(); pop(); push(OTHER); break; // TUPLE3
          case 0x67: { // GET
            const i = memoIndex(await line('GET'));
            if (i === undefined) throw new Malformed('GET argument is not a number');
            memoGet(i);
            break;
          }
          case 0x68: memoGet((fixed(1))[0]!); break; // BINGET
          case 0x6a: memoGet((fixed(4)).readUInt32LE(0)); break; // LONG_BINGET
          case 0x70: { // PUT
            const i = memoIndex(await line('PUT'));
            if (i === undefined) throw new Malformed('PUT argument is not a number');
            if (typeof i === 'number' ? i < 0 : i.startsWith('-')) throw new Malformed('negative PUT argument');
            memoPut(i, top());
            break;
          }
          case 0x71: memoPut((fixed(1))[0]!, top()); break; // BINPUT
          case 0x72: memoPut((fixed(4)).readUInt32LE(0), top()); break; // LONG_BINPUT
          case 0x94: memoPut(memo.size, top()); break; // MEMOIZE
          case 0x80: { // PROTO
            const p = (fixed(1))[0]!;
            if (p > 5) throw new Malformed(`unsupported pickle protocol ${p}`);
            break;
          }
          case 0x95: { // FRAME: the framed opcodes follow inline
            const n = fixed(8).readBigUInt64LE(0);
            // Both unpicklers refuse a length over sys.maxsize; the pure-Python one (joblib's)
            // takes a shorter frame than declared for what is left, so a long one is no error.
            if (n > 0x7fffffffffffffffn) throw new Malformed('FRAME length exceeds the maximum size');
            if (frameEnd !== undefined) throw new Diverges(`FRAME at offset ${at} opens inside the frame that ends at ${frameEnd}`, at);
            frameEnd = n > BigInt(Number.MAX_SAFE_INTEGER - src.pos) ? Number.MAX_SAFE_INTEGER : src.pos + Number(n);
            break;
          }
          case 0x82: case 0x83: case 0x84: { // EXT1 EXT2 EXT4
            const code = op === 0x82 ? (fixed(1))[0]! : op === 0x83 ? (fixed(2)).readUInt16LE(0) : (fixed(4)).readInt32LE(0);
            add('high', 'PICKLE_EXTENSION', `${NAMES[op]} imports extension-registry code ${code}, which names a global this scanner cannot see`, at);
            reachedCode = true;
            push(OTHER);
            break;
          }
          case 0x97: push(OTHER); break; // NEXT_BUFFER (out-of-band data)
          case 0x98: pop(); push(OTHER); break; // READONLY_BUFFER
          default:
            throw new Malformed(`unknown opcode 0x${op.toString(16).padStart(2, '0')}`);
        }
      } catch (e) {
        // An argument read past the end of its frame: CPython reading a file read other bytes.
        if ((e instanceof Malformed || e instanceof Truncated) && frameEnd !== undefined && src.pos > frameEnd) {
          throw new Diverges(`${NAMES[op] ?? 'opcode'} at offset ${at} runs past the end of its FRAME (offset ${frameEnd})`, at);
        }
        throw e;
      }
      if (frameEnd !== undefined && src.pos > frameEnd) {
        throw new Diverges(`${NAMES[op] ?? 'opcode'} at offset ${at} runs past the end of its FRAME (offset ${frameEnd})`, at);
      }
    }
  };

  /**
   * torch.load's legacy format: once the first pickle yields the magic number - or a value
   * computed by a call, which may equal it - torch unpickles four more, whatever their first
   * byte (protocol, sys info, the data, the storage keys), then reads raw storages.
   */
  let legacy = false;
  /** The walk stopped where CPython's unpickler stops too (nothing after it runs). */
  let refusedByPython = false;
  try {
    for (;;) {
      await walkOne();
      pickles++;
      if (opts.multiple === false) break;
      if (pickles === 1) legacy = mayBeMagic(result);
      if (legacy) {
        // At the end of the data torch's next load fails: nothing more runs.
        if (pickles >= LEGACY_TORCH_PICKLES || !(await src.ensure(1))) break;
        continue;
      }
      // Several pickles in a row (pickle.dump called repeatedly, read back in a loop).
      if (!(await src.ensure(2))) break;
      const next = src.peek(2);
      if (next[0] !== 0x80 || next[1]! < 2 || next[1]! > 5) break;
      if (pickles >= limits.maxPicklesPerStream) {
        add('high', 'SCAN_LIMIT', `more than ${limits.maxPicklesPerStream} pickles in a row; the rest was not scanned`, src.pos);
        break;
      }
    }
  } catch (e) {
    if (e instanceof Diverges) {
      add('critical', 'PICKLE_FRAME_MISMATCH', `${e.message}: pickle.load on a file (as torch.load reads) sees different opcodes here than pickle.loads and this scanner`, e.at);
    } else if (e instanceof Malformed) {
      refusedByPython = true;
      add('high', 'PICKLE_MALFORMED', `not a valid pickle: ${e.message} (near offset ${src.pos})`, src.pos);
    } else if (e instanceof Truncated) {
      refusedByPython = true;
      add('high', 'PICKLE_MALFORMED', `pickle is truncated: ${e.message}`, e.at);
    } else if (e instanceof Unfollowable) add('high', 'SCAN_LIMIT', `pickle cannot be followed: ${e.message} (near offset ${src.pos})`, src.pos);
    else if (e instanceof LimitHit) add('high', 'SCAN_LIMIT', `pickle too complex to scan: ${e.message}`, src.pos);
    else throw e;
  }
  if (opts.candidate && refusedByPython && pickles === 0 && !reachedCode) {
    return { imports: [], findings: [], pickles: 0, opcodes, notPickle: true };
  }

  const list = [...imports.values()];
  for (const imp of list) {
    if (imp.verdict === 'allowed') continue;
    const full = `${imp.module}.${imp.name}`;
    const how = `via ${imp.via.join('/') || 'memo'}${imp.usedBy.length ? `, used by ${imp.usedBy.join('/')}` : ''}`;
    if (imp.verdict === 'dangerous') {
      const why = classifyGlobal(imp.module, imp.name).why ?? 'dangerous';
      add('critical', 'PICKLE_DANGEROUS_GLOBAL', `imports ${full} (${why}) ${how}; loading this file can run code`, undefined, full);
    } else {
      add('medium', 'PICKLE_UNKNOWN_GLOBAL', `imports ${full}, which is not on the allow-list for weights (${how})`, undefined, full);
    }
  }
  return { imports: list, findings, pickles, opcodes, notPickle: false };
}
