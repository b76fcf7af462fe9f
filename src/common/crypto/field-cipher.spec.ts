import { loadConfig } from '../../config/config.js';
import { FieldCipher } from './field-cipher.js';

const config = (key: string) =>
  loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATA_KEY: key, DATABASE_URL: 'postgres://h/db' });

describe('FieldCipher', () => {
  const cipher = new FieldCipher(config('11'.repeat(32)));

  it('round-trips Vietnamese text and never stores it in clear', () => {
    const stored = cipher.encrypt('Số 5, ngõ 12, phường Hoàn Kiếm');
    expect(stored.toString('utf8')).not.toContain('ngõ');
    expect(cipher.decrypt(stored)).toBe('Số 5, ngõ 12, phường Hoàn Kiếm');
  });

  it('encrypts the same value differently each time (random IV)', () => {
    expect(cipher.encrypt('001099012345').equals(cipher.encrypt('001099012345'))).toBe(false);
  });

  it('rejects a tampered ciphertext', () => {
    const stored = cipher.encrypt('001099012345');
    stored[stored.length - 1] ^= 1;
    expect(() => cipher.decrypt(stored)).toThrow();
  });

  it('gives a stable lookup hash that depends on the key', () => {
    const other = new FieldCipher(config('22'.repeat(32)));
    expect(cipher.lookupHash('001099012345').equals(cipher.lookupHash('001099012345'))).toBe(true);
    expect(cipher.lookupHash('001099012345').equals(other.lookupHash('001099012345'))).toBe(false);
  });
});
