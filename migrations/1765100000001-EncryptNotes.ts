import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../src/config/config.js';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';

const TABLES = ['service_contacts', 'visits'];

/** The cipher of DATA_KEY, made only when there are rows to convert (a new database needs no key). */
const cipherOf = () => new FieldCipher(loadConfig(process.env));

/**
 * Free-text notes of services and visits are stored encrypted like the contact fields
 * (`notes_cipher`, AES-256-GCM under DATA_KEY): existing notes are encrypted here, row by row, and
 * the clear column is dropped.
 */
export class EncryptNotes1765100000001 implements MigrationInterface {
  name = 'EncryptNotes1765100000001';

  async up(q: QueryRunner): Promise<void> {
    let cipher: FieldCipher | undefined;
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN notes_cipher bytea`);
      const rows: { id: string; notes: string }[] = await q.query(`SELECT id, notes FROM ${table} WHERE notes IS NOT NULL AND notes <> ''`);
      if (rows.length) cipher ??= cipherOf();
      for (const r of rows) await q.query(`UPDATE ${table} SET notes_cipher = $2 WHERE id = $1`, [r.id, cipher!.encrypt(r.notes)]);
      await q.query(`ALTER TABLE ${table} DROP COLUMN notes`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    let cipher: FieldCipher | undefined;
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN notes text`);
      const rows: { id: string; notes_cipher: Buffer }[] = await q.query(`SELECT id, notes_cipher FROM ${table} WHERE notes_cipher IS NOT NULL`);
      if (rows.length) cipher ??= cipherOf();
      for (const r of rows) await q.query(`UPDATE ${table} SET notes = $2 WHERE id = $1`, [r.id, cipher!.decrypt(r.notes_cipher)]);
      await q.query(`ALTER TABLE ${table} DROP COLUMN notes_cipher`);
    }
  }
}
