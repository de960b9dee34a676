import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

export interface SigningKeys {
  /** PKCS#8 PEM */
  privateKeyPem: string;
  /** SPKI PEM */
  publicKeyPem: string;
}

const PRIVATE_KEY_FILE = 'jwt-private.pem';
const PUBLIC_KEY_FILE = 'jwt-public.pem';

async function readKeys(stateDir: string): Promise<SigningKeys | undefined> {
  try {
    const [privateKeyPem, publicKeyPem] = await Promise.all([
      readFile(path.join(stateDir, PRIVATE_KEY_FILE), 'utf8'),
      readFile(path.join(stateDir, PUBLIC_KEY_FILE), 'utf8'),
    ]);
    return { privateKeyPem, publicKeyPem };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The ES256 key pair that signs and verifies tokens on the local stack: generated on the
 * first start into the state folder and reused afterwards, so tokens survive restarts.
 */
export async function loadSigningKeys(stateDir: string): Promise<SigningKeys> {
  const existing = await readKeys(stateDir);
  if (existing) return existing;

  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keys = { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
  await mkdir(stateDir, { recursive: true });
  await writeFile(path.join(stateDir, PRIVATE_KEY_FILE), keys.privateKeyPem, { mode: 0o600 });
  await writeFile(path.join(stateDir, PUBLIC_KEY_FILE), keys.publicKeyPem);
  return keys;
}
