import { createRequire as __modelsignCreateRequire } from 'node:module';
const require = __modelsignCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// node_modules/@noble/hashes/_u64.js
var fromNumH, fromNumL;
var init_u64 = __esm({
  "node_modules/@noble/hashes/_u64.js"() {
    fromNumH = (n) => n / 2 ** 32 | 0;
    fromNumL = (n) => n >>> 0;
  }
});

// node_modules/@noble/hashes/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes(bytes));
}
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function u8(arr) {
  return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
}
function u32(arr) {
  return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
function byteSwap(word) {
  return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
}
function byteSwap32(arr) {
  for (let i = 0; i < arr.length; i++) {
    arr[i] = byteSwap(arr[i]);
  }
  return arr;
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
var atitle, aobject, aopts, isLE, swap8IfBE, swap32IfBE;
var init_utils = __esm({
  "node_modules/@noble/hashes/utils.js"() {
    atitle = (title) => title ? `"${title}" ` : "";
    aobject = (value, label) => {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
    };
    aopts = (value, label) => {
      aobject(value, label);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError(`"${label}" expected plain object`);
      if (Object.hasOwn(value, "__proto__"))
        throw new TypeError(`"${label}.__proto__" is not allowed`);
    };
    isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
    swap8IfBE = isLE ? (n) => n : (n) => byteSwap(n) >>> 0;
    swap32IfBE = isLE ? (u) => u : byteSwap32;
  }
});

// node_modules/@noble/hashes/_md.js
var SHA256_IV;
var init_md = __esm({
  "node_modules/@noble/hashes/_md.js"() {
    SHA256_IV = /* @__PURE__ */ Uint32Array.from([
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ]);
  }
});

// node_modules/@noble/hashes/_blake.js
function G1s(a, b, c, d, x) {
  a = a + b + x | 0;
  d = rotr(d ^ a, 16);
  c = c + d | 0;
  b = rotr(b ^ c, 12);
  return { a, b, c, d };
}
function G2s(a, b, c, d, x) {
  a = a + b + x | 0;
  d = rotr(d ^ a, 8);
  c = c + d | 0;
  b = rotr(b ^ c, 7);
  return { a, b, c, d };
}
var init_blake = __esm({
  "node_modules/@noble/hashes/_blake.js"() {
    init_utils();
  }
});

// node_modules/@noble/hashes/blake2.js
function _compress(s, offset, msg, rounds, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15) {
  let j = 0;
  for (let i = 0; i < rounds; i++) {
    ({ a: v0, b: v4, c: v8, d: v12 } = G1s(v0, v4, v8, v12, msg[offset + s[j++]]));
    ({ a: v0, b: v4, c: v8, d: v12 } = G2s(v0, v4, v8, v12, msg[offset + s[j++]]));
    ({ a: v1, b: v5, c: v9, d: v13 } = G1s(v1, v5, v9, v13, msg[offset + s[j++]]));
    ({ a: v1, b: v5, c: v9, d: v13 } = G2s(v1, v5, v9, v13, msg[offset + s[j++]]));
    ({ a: v2, b: v6, c: v10, d: v14 } = G1s(v2, v6, v10, v14, msg[offset + s[j++]]));
    ({ a: v2, b: v6, c: v10, d: v14 } = G2s(v2, v6, v10, v14, msg[offset + s[j++]]));
    ({ a: v3, b: v7, c: v11, d: v15 } = G1s(v3, v7, v11, v15, msg[offset + s[j++]]));
    ({ a: v3, b: v7, c: v11, d: v15 } = G2s(v3, v7, v11, v15, msg[offset + s[j++]]));
    ({ a: v0, b: v5, c: v10, d: v15 } = G1s(v0, v5, v10, v15, msg[offset + s[j++]]));
    ({ a: v0, b: v5, c: v10, d: v15 } = G2s(v0, v5, v10, v15, msg[offset + s[j++]]));
    ({ a: v1, b: v6, c: v11, d: v12 } = G1s(v1, v6, v11, v12, msg[offset + s[j++]]));
    ({ a: v1, b: v6, c: v11, d: v12 } = G2s(v1, v6, v11, v12, msg[offset + s[j++]]));
    ({ a: v2, b: v7, c: v8, d: v13 } = G1s(v2, v7, v8, v13, msg[offset + s[j++]]));
    ({ a: v2, b: v7, c: v8, d: v13 } = G2s(v2, v7, v8, v13, msg[offset + s[j++]]));
    ({ a: v3, b: v4, c: v9, d: v14 } = G1s(v3, v4, v9, v14, msg[offset + s[j++]]));
    ({ a: v3, b: v4, c: v9, d: v14 } = G2s(v3, v4, v9, v14, msg[offset + s[j++]]));
  }
  return { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 };
}
var _BLAKE2;
var init_blake2 = __esm({
  "node_modules/@noble/hashes/blake2.js"() {
    init_blake();
    init_utils();
    _BLAKE2 = class {
      buffer;
      buffer32;
      finished = false;
      destroyed = false;
      length = 0;
      pos = 0;
      blockLen;
      outputLen;
      canXOF = false;
      constructor(blockLen, outputLen) {
        anumber(blockLen);
        anumber(outputLen);
        this.blockLen = blockLen;
        this.outputLen = outputLen;
        this.buffer = new Uint8Array(blockLen);
        this.buffer32 = u32(this.buffer);
      }
      update(data) {
        aexists(this);
        abytes(data);
        const { blockLen, buffer, buffer32 } = this;
        const len = data.length;
        const offset = data.byteOffset;
        const buf2 = data.buffer;
        for (let pos = 0; pos < len; ) {
          if (this.pos === blockLen) {
            swap32IfBE(buffer32);
            this.compress(buffer32, 0, false);
            swap32IfBE(buffer32);
            this.pos = 0;
          }
          const take = Math.min(blockLen - this.pos, len - pos);
          const dataOffset = offset + pos;
          if (take === blockLen && !(dataOffset % 4) && pos + take < len) {
            const data32 = new Uint32Array(buf2, dataOffset, Math.floor((len - pos) / 4));
            swap32IfBE(data32);
            for (let pos32 = 0; pos + blockLen < len; pos32 += buffer32.length, pos += blockLen) {
              this.length += blockLen;
              this.compress(data32, pos32, false);
            }
            swap32IfBE(data32);
            continue;
          }
          buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
          this.pos += take;
          this.length += take;
          pos += take;
        }
        return this;
      }
      digestInto(out) {
        aexists(this);
        aoutput(out, this);
        if (out.byteOffset & 3)
          throw new RangeError('"output" expected 4-byte aligned byteOffset, got ' + out.byteOffset);
        const { pos, buffer32 } = this;
        this.finished = true;
        this.buffer.fill(0, pos);
        swap32IfBE(buffer32);
        this.compress(buffer32, 0, true);
        swap32IfBE(buffer32);
        const state = this.get();
        const out32 = out === this.buffer ? buffer32 : u32(out);
        const full = Math.floor(this.outputLen / 4);
        for (let i = 0; i < full; i++)
          out32[i] = swap8IfBE(state[i]);
        const tail = this.outputLen % 4;
        if (!tail)
          return;
        const off = full * 4;
        const word = state[full];
        for (let i = 0; i < tail; i++)
          out[off + i] = word >>> 8 * i;
      }
      digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
      }
      _cloneInto(to) {
        const { buffer, length, finished, destroyed, outputLen, pos } = this;
        to ||= new this.constructor({ dkLen: outputLen });
        to.set(...this.get());
        to.buffer.set(buffer);
        to.destroyed = destroyed;
        to.finished = finished;
        to.length = length;
        to.pos = pos;
        to.outputLen = outputLen;
        return to;
      }
      clone() {
        return this._cloneInto();
      }
    };
  }
});

// node_modules/@noble/hashes/blake3.js
var blake3_exports = {};
__export(blake3_exports, {
  _BLAKE3: () => _BLAKE3,
  blake3: () => blake3
});
var B3_Flags, B3_IV, B3_SIGMA, _BLAKE3, blake3;
var init_blake3 = __esm({
  "node_modules/@noble/hashes/blake3.js"() {
    init_md();
    init_u64();
    init_blake2();
    init_utils();
    B3_Flags = {
      CHUNK_START: 1,
      CHUNK_END: 2,
      PARENT: 4,
      ROOT: 8,
      KEYED_HASH: 16,
      DERIVE_KEY_CONTEXT: 32,
      DERIVE_KEY_MATERIAL: 64
    };
    B3_IV = /* @__PURE__ */ SHA256_IV.slice();
    B3_SIGMA = /* @__PURE__ */ (() => {
      const Id = Array.from({ length: 16 }, (_, i) => i);
      const permute = (arr) => [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8].map((i) => arr[i]);
      const res = [];
      for (let i = 0, v = Id; i < 7; i++, v = permute(v))
        res.push(...v);
      return Uint8Array.from(res);
    })();
    _BLAKE3 = class __BLAKE3 extends _BLAKE2 {
      canXOF = true;
      chunkPos = 0;
      // Position of current block in chunk
      // How many chunks we already have; exact while this stays within
      // JS's safe-integer range.
      chunksDone = 0;
      flags = 0 | 0;
      IV;
      state;
      stack = [];
      // Output
      posOut = 0;
      bufferOut32 = new Uint32Array(16);
      bufferOut;
      // Index of output chunk; exact while this stays within JS's
      // safe-integer range.
      chunkOut = 0;
      enableXOF = true;
      constructor(opts = {}, flags = 0) {
        opts = checkOpts({}, opts);
        super(64, opts.dkLen === void 0 ? 32 : opts.dkLen);
        const { key, context } = opts;
        const hasContext = context !== void 0;
        if (key !== void 0) {
          if (hasContext)
            throw new Error('cannot use both "key" and "context"');
          abytes(key, 32, "key");
          const k = copyBytes(key);
          this.IV = u32(k);
          swap32IfBE(this.IV);
          this.flags = flags | B3_Flags.KEYED_HASH;
        } else if (hasContext) {
          abytes(context, void 0, "context");
          const ctx = context;
          const contextKey = new __BLAKE3({ dkLen: 32 }, B3_Flags.DERIVE_KEY_CONTEXT).update(ctx).digest();
          this.IV = u32(contextKey);
          swap32IfBE(this.IV);
          this.flags = flags | B3_Flags.DERIVE_KEY_MATERIAL;
        } else {
          this.IV = B3_IV;
          this.flags = flags;
        }
        this.state = this.IV.slice();
        this.bufferOut = u8(this.bufferOut32);
      }
      // _BLAKE2's scalar-state hooks are unused here: BLAKE3 keeps its tree/XOF state in arrays and
      // copies it directly in _cloneInto().
      get() {
        return [];
      }
      set() {
      }
      // Truncated chunk/parent compression: seed v8..v15 as IV[0..3], t0, t1,
      // block length, and flags, then keep only the first 8 output words.
      b2Compress(counter, flags, buf2, bufPos = 0) {
        const { state: s, pos } = this;
        const t0 = fromNumL(counter);
        const t1 = fromNumH(counter);
        const { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 } = _compress(B3_SIGMA, bufPos, buf2, 7, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], B3_IV[0], B3_IV[1], B3_IV[2], B3_IV[3], t0, t1, pos, flags);
        s[0] = v0 ^ v8;
        s[1] = v1 ^ v9;
        s[2] = v2 ^ v10;
        s[3] = v3 ^ v11;
        s[4] = v4 ^ v12;
        s[5] = v5 ^ v13;
        s[6] = v6 ^ v14;
        s[7] = v7 ^ v15;
      }
      compress(buf2, bufPos = 0, isLast = false) {
        let flags = this.flags;
        if (!this.chunkPos)
          flags |= B3_Flags.CHUNK_START;
        if (this.chunkPos === 15 || isLast)
          flags |= B3_Flags.CHUNK_END;
        if (!isLast)
          this.pos = this.blockLen;
        this.b2Compress(this.chunksDone, flags, buf2, bufPos);
        this.chunkPos += 1;
        if (this.chunkPos === 16 || isLast) {
          let chunk = this.state;
          this.state = this.IV.slice();
          for (let last, chunks = this.chunksDone + 1; isLast || !(chunks & 1); chunks = Math.floor(chunks / 2)) {
            if (!(last = this.stack.pop()))
              break;
            this.buffer32.set(last, 0);
            this.buffer32.set(chunk, 8);
            this.pos = this.blockLen;
            this.b2Compress(0, this.flags | B3_Flags.PARENT, this.buffer32, 0);
            chunk = this.state;
            this.state = this.IV.slice();
          }
          this.chunksDone++;
          this.chunkPos = 0;
          this.stack.push(chunk);
        }
        this.pos = 0;
      }
      // Overriding hides _BLAKE2's flat implementation, which would otherwise be inherited
      // and silently miss the tree state (CV stack, chunk counters; get()/set() are stubs here).
      _cloneInto(to) {
        const staleOutput = !!to && to.finished && !to.destroyed;
        to = super._cloneInto(to);
        const { IV, flags, state, chunkPos, posOut, chunkOut, stack, chunksDone } = this;
        to.state.set(state);
        to.stack = stack.map((i) => Uint32Array.from(i));
        if (IV === B3_IV) {
          if (to.IV !== B3_IV)
            clean(to.IV);
          to.IV = B3_IV;
        } else if (to.IV === B3_IV) {
          to.IV = IV.slice();
        } else {
          to.IV.set(IV);
        }
        to.flags = flags;
        to.chunkPos = chunkPos;
        to.chunksDone = chunksDone;
        to.posOut = posOut;
        to.chunkOut = chunkOut;
        to.enableXOF = this.enableXOF;
        if (this.finished) {
          to.bufferOut32.set(this.bufferOut32);
        } else if (staleOutput) {
          clean(to.bufferOut32);
        }
        return to;
      }
      destroy() {
        this.destroyed = true;
        clean(this.state, this.buffer32, this.bufferOut32);
        if (this.IV !== B3_IV)
          clean(this.IV);
        clean(...this.stack);
      }
      // Root/XOF compression: rerun the same ROOT inputs with incrementing output
      // counter `t` and materialize all 16 output words.
      // Same as b2Compress, but doesn't modify state and returns 16 u32 array (instead of 8)
      b2CompressOut() {
        const { state: s, pos, flags, buffer32, bufferOut32: out32 } = this;
        const outCounter = this.chunkOut++;
        const t0 = fromNumL(outCounter);
        const t1 = fromNumH(outCounter);
        swap32IfBE(buffer32);
        const { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 } = _compress(B3_SIGMA, 0, buffer32, 7, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], B3_IV[0], B3_IV[1], B3_IV[2], B3_IV[3], t0, t1, pos, flags);
        out32[0] = v0 ^ v8;
        out32[1] = v1 ^ v9;
        out32[2] = v2 ^ v10;
        out32[3] = v3 ^ v11;
        out32[4] = v4 ^ v12;
        out32[5] = v5 ^ v13;
        out32[6] = v6 ^ v14;
        out32[7] = v7 ^ v15;
        out32[8] = s[0] ^ v8;
        out32[9] = s[1] ^ v9;
        out32[10] = s[2] ^ v10;
        out32[11] = s[3] ^ v11;
        out32[12] = s[4] ^ v12;
        out32[13] = s[5] ^ v13;
        out32[14] = s[6] ^ v14;
        out32[15] = s[7] ^ v15;
        swap32IfBE(buffer32);
        swap32IfBE(out32);
        this.posOut = 0;
      }
      finish() {
        if (this.finished)
          return;
        this.finished = true;
        this.buffer.fill(0, this.pos);
        let flags = this.flags | B3_Flags.ROOT;
        if (this.stack.length) {
          flags |= B3_Flags.PARENT;
          swap32IfBE(this.buffer32);
          this.compress(this.buffer32, 0, true);
          swap32IfBE(this.buffer32);
          this.chunksDone = 0;
          this.pos = this.blockLen;
        } else {
          flags |= (!this.chunkPos ? B3_Flags.CHUNK_START : 0) | B3_Flags.CHUNK_END;
        }
        this.flags = flags;
        this.b2CompressOut();
      }
      writeInto(out) {
        aexists(this, false);
        abytes(out);
        this.finish();
        const { blockLen, bufferOut } = this;
        for (let pos = 0, len = out.length; pos < len; ) {
          if (this.posOut >= blockLen)
            this.b2CompressOut();
          const take = Math.min(blockLen - this.posOut, len - pos);
          out.set(bufferOut.subarray(this.posOut, this.posOut + take), pos);
          this.posOut += take;
          pos += take;
        }
        return out;
      }
      xofInto(out) {
        if (!this.enableXOF)
          throw new Error("no XOF after digest()");
        return this.writeInto(out);
      }
      xof(bytes) {
        anumber(bytes);
        return this.xofInto(new Uint8Array(bytes));
      }
      digestInto(out) {
        aoutput(out, this);
        if (this.finished)
          throw new Error("digest() was already called");
        this.enableXOF = false;
        this.writeInto(out.length === this.outputLen ? out : out.subarray(0, this.outputLen));
        this.destroy();
      }
      digest() {
        const out = new Uint8Array(this.outputLen);
        this.digestInto(out);
        return out;
      }
    };
    blake3 = /* @__PURE__ */ createHasher((opts = {}) => new _BLAKE3(opts));
  }
});

// src/hashing/worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/settings.ts
var current = { passphrase: void 0, cacheDir: void 0, mmap: true, nativeBlake: true, identityToken: void 0, ambientCredentials: false, hfCache: void 0, dockerConfigDir: void 0 };
var settings = current;
function configure(s) {
  Object.assign(current, s);
}

// src/hashing/algorithms.ts
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
var factories = {
  sha256: () => nodeHasher("sha256")
};
function nodeHasher(name) {
  const h = createHash(name);
  return { update: (d) => void h.update(d), digestHex: () => h.digest("hex") };
}
var native;
function loadNative() {
  if (native !== void 0) return native;
  if (!settings.nativeBlake) return native = null;
  try {
    native = createRequire(import.meta.url)("@napi-rs/blake-hash");
  } catch {
    native = null;
  }
  return native;
}
async function prepareAlgorithm(alg) {
  if (factories[alg]) return;
  const nat = loadNative();
  const nativeFactory = (C) => () => {
    const h = new C();
    return { update: (d) => void h.update(d), digestHex: () => h.digest("hex") };
  };
  if (alg === "blake3") {
    if (nat) {
      factories.blake3 = nativeFactory(nat.Blake3Hasher);
    } else {
      const mod = await Promise.resolve().then(() => (init_blake3(), blake3_exports));
      factories.blake3 = () => {
        const h = mod.blake3.create();
        return { update: (d) => void h.update(d), digestHex: () => Buffer.from(h.digest()).toString("hex") };
      };
    }
  } else if (alg === "blake2b") {
    if (nat) {
      factories.blake2b = nativeFactory(nat.Blake2BHasher);
    } else {
      factories.blake2b = () => nodeHasher("blake2b512");
    }
  }
}
function createHasher2(alg) {
  const f = factories[alg];
  if (!f) {
    if (alg === "blake2b") return nodeHasher("blake2b512");
    throw new Error(`${alg} not prepared: call prepareAlgorithm first`);
  }
  return f();
}

// src/hashing/read.ts
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
var MSG = {
  symlink: "file was replaced by a symlink",
  missing: "file disappeared while verifying",
  special: "not a regular file",
  replaced: "a different file was found at this path than the one listed (replaced while verifying)",
  sizeMoved: "file size changed while it was being read",
  shrank: "file shrank while it was being read",
  changed: "file changed while it was being read"
};
var READ_SIZE = 128 * 1024;
var O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
var O_NONBLOCK = constants.O_NONBLOCK ?? 0;
function hashRange(task, alg, buf2, onRead2) {
  let fd;
  try {
    fd = openSync(task.abs, constants.O_RDONLY | O_NONBLOCK | (task.followLink ? 0 : O_NOFOLLOW));
  } catch (e) {
    const code = e.code;
    if (code === "ELOOP") return { ok: false, code: "FILE_IS_SYMLINK", message: MSG.symlink };
    if (code === "ENOENT") return { ok: false, code: "FILE_MISSING", message: MSG.missing };
    return { ok: false, code: "FILE_UNREADABLE", message: `cannot open: ${code ?? String(e)}` };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, code: "SPECIAL_FILE", message: MSG.special };
    if (task.expectId && (before.ino !== task.expectId.ino || before.dev !== task.expectId.dev)) {
      return { ok: false, code: "FILE_REPLACED", message: MSG.replaced };
    }
    if (before.size !== task.expectSize) {
      return { ok: false, code: "FILE_CHANGED_DURING_HASH", message: MSG.sizeMoved };
    }
    const digest = readAndHash(fd, task, alg, buf2, onRead2);
    if (digest === null) return { ok: false, code: "FILE_CHANGED_DURING_HASH", message: MSG.shrank };
    const after = fstatSync(fd);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs) {
      return { ok: false, code: "FILE_CHANGED_DURING_HASH", message: MSG.changed };
    }
    return { ok: true, digest };
  } catch (e) {
    const code = e.code;
    return { ok: false, code: "FILE_UNREADABLE", message: `cannot read: ${code ?? String(e.message ?? e)}` };
  } finally {
    closeSync(fd);
  }
}
function readAndHash(fd, task, alg, buf2, onRead2) {
  const h = createHasher2(alg);
  const size = buf2.length;
  let pos = task.start;
  while (pos < task.end) {
    const want = task.end - pos < size ? task.end - pos : size;
    const n = readSync(fd, buf2, 0, want, pos);
    if (n === 0) return null;
    h.update(n === size ? buf2 : buf2.subarray(0, n));
    pos += n;
    onRead2?.(n);
  }
  return h.digestHex();
}

// src/hashing/worker.ts
var init = workerData;
configure(init.settings);
var counters = new BigInt64Array(init.progress);
var slot = init.slot;
var buf = Buffer.allocUnsafeSlow(init.readSize);
var onRead = (n) => void Atomics.add(counters, slot, BigInt(n));
parentPort.on("message", (req) => {
  void (async () => {
    let results;
    try {
      await prepareAlgorithm(req.alg);
      results = req.tasks.map((t) => hashRange(t, req.alg, buf, onRead));
    } catch (e) {
      const message = String(e.message ?? e);
      results = req.tasks.map(() => ({ ok: false, code: "FILE_UNREADABLE", message }));
    }
    parentPort.postMessage({ id: req.id, results });
  })();
});
