import { generateKeyPairSync } from 'node:crypto';

export interface SigningKeyPair {
  /** SPKI PEM, handed to every function. */
  publicKey: string;
  /** PKCS#8 PEM, kept in Secrets Manager for the token functions. */
  privateKey: string;
}

/** An ES256 (P-256) key pair for signing JWTs. */
export function generateSigningKeyPair(): SigningKeyPair {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}
