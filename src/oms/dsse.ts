/**
 * DSSE (Dead Simple Signing Envelope) pre-authentication encoding.
 * The signature covers PAE(payloadType, payload) over the exact payload bytes received,
 * which is why verify never re-serialises the statement.
 */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const head = Buffer.from(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `, 'utf8');
  return Buffer.concat([head, payload]);
}
