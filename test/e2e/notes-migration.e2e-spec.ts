import { DataSource } from 'typeorm';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import { loadConfig } from '../../src/config/config.js';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { EncryptNotes1765100000001 } from '../../migrations/1765100000001-EncryptNotes.js';
import { databaseUrl, migrationTestDatabase } from '../support/databases.js';

/** The migration that encrypts the notes of services and visits, on a database holding notes in clear. */
describe('migration EncryptNotes', () => {
  const db = migrationTestDatabase('notes');
  const name = db.name;
  let ds: DataSource;

  it('encrypts existing notes and drops the clear column; down restores them', async () => {
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(EncryptNotes1765100000001));
    const old = new DataSource(dataSourceOptions(databaseUrl(name), { migrations: before, entities: [] }));
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const [unit] = await old.query(`INSERT INTO admin_units (code, name, level, path) VALUES ('X', 'x', 'province', 'x/') RETURNING id`);
    const [person] = await old.query(
      `INSERT INTO persons (case_code, full_name, search_text, date_of_birth, sex, residence_unit_id, status, registered_on)
       VALUES ('X-1', 'A', 'a', '1990-01-01', 'male', $1, 'using', '2024-01-01') RETURNING id`,
      [unit.id],
    );
    await old.query(`INSERT INTO service_contacts (person_id, type, date, notes) VALUES ($1, 'counseling', '2024-02-01', 'ghi chú riêng'), ($1, 'support', '2024-02-02', NULL)`, [
      person.id,
    ]);
    await old.destroy();

    ds = db.ds = new DataSource(dataSourceOptions(databaseUrl(name), { entities: [] }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const cipher = new FieldCipher(loadConfig(process.env));
    const rows: { notes_cipher: Buffer | null }[] = await ds.query(`SELECT notes_cipher FROM service_contacts ORDER BY date`);
    expect(rows.map((r) => (r.notes_cipher ? cipher.decrypt(r.notes_cipher) : null))).toEqual(['ghi chú riêng', null]);
    expect(rows[0].notes_cipher!.toString('utf8')).not.toContain('ghi');

    await ds.undoLastMigration({ transaction: 'each' });
    while ((await ds.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'service_contacts' AND column_name = 'notes_cipher'`)).length) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
    const back: { notes: string | null }[] = await ds.query(`SELECT notes FROM service_contacts ORDER BY date`);
    expect(back.map((r) => r.notes)).toEqual(['ghi chú riêng', null]);
  });
});
