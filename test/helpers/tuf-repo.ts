/**
 * A minimal TUF repository on 127.0.0.1 serving one target, trusted_root.json, signed with
 * one Ed25519 key for every role (metadata built and signed with @tufjs/models, the models
 * the TUF client itself uses). For testing `modelsign trusted-root update` without a network.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Metadata, MetadataKind, Signature } from '@tufjs/models';
import { canonicalize } from '@tufjs/canonical-json';

export interface TufRepo {
  url: string;
  /** The initial root.json a client must trust (pass as --tuf-root). */
  rootJson: string;
  /** Serve other bytes as the target than the signed metadata describes (an attack). */
  replaceTarget(b: Buffer): void;
  close(): Promise<void>;
}

export async function startTufRepo(target: Buffer): Promise<TufRepo> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw.toString('hex') } };
  const keyid = createHash('sha256').update(canonicalize(key)).digest('hex');
  const expires = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = { spec_version: '1.0.31', version: 1, expires };
  const role = { keyids: [keyid], threshold: 1 };

  const signed = (kind: MetadataKind, body: Record<string, unknown>): string => {
    const md = Metadata.fromJSON(kind as MetadataKind.Root, { signed: { _type: kind, ...base, ...body }, signatures: [] } as never);
    md.sign((data: Buffer) => new Signature({ keyID: keyid, sig: sign(null, data, privateKey).toString('hex') }));
    return JSON.stringify(md.toJSON());
  };
  const rootJson = signed(MetadataKind.Root, { keys: { [keyid]: key }, roles: { root: role, timestamp: role, snapshot: role, targets: role }, consistent_snapshot: false });
  const targets = signed(MetadataKind.Targets, { targets: { 'trusted_root.json': { length: target.length, hashes: { sha256: createHash('sha256').update(target).digest('hex') } } } });
  const snapshot = signed(MetadataKind.Snapshot, { meta: { 'targets.json': { version: 1 } } });
  const timestamp = signed(MetadataKind.Timestamp, { meta: { 'snapshot.json': { version: 1 } } });
  const files: Record<string, Buffer | string> = {
    '/1.root.json': rootJson,
    '/timestamp.json': timestamp,
    '/snapshot.json': snapshot,
    '/targets.json': targets,
    '/targets/trusted_root.json': target,
  };
  const server = http.createServer((req, res) => {
    const body = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rootJson,
    replaceTarget: (b: Buffer) => {
      files['/targets/trusted_root.json'] = b;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
