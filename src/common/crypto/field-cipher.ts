import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts sensitive fields (national id, phone, address) with AES-256-GCM, and keys an HMAC of
 * the national id for exact lookup. Both keys are derived from DATA_KEY, so a dump of the database
 * holds neither the values nor anything that can be reversed without the key.
 * Stored form: version byte, 12-byte IV, 16-byte tag, ciphertext.
 */
@Injectable()
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.encKey = Buffer.from(hkdfSync('sha256', config.dataKey, Buffer.alloc(0), 'field-encryption-v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', config.dataKey, Buffer.alloc(0), 'lookup-hmac-v1', 32));
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(stored: Buffer): string {
    if (stored[0] !== FORMAT_V1) throw new Error('unknown field cipher format');
    const iv = stored.subarray(1, 1 + IV_BYTES);
    const tag = stored.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(stored.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): Buffer | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decryptOptional(stored: Buffer | null | undefined): string | null {
    return stored ? this.decrypt(stored) : null;
  }

  /** Deterministic keyed hash for exact-match lookup. */
  lookupHash(value: string): Buffer {
    return createHmac('sha256', this.macKey).update(value, 'utf8').digest();
  }
}
