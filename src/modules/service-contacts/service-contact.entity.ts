import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../../common/crypto/field-cipher.js';

export const SERVICE_TYPES = ['counseling', 'support', 'medical', 'vocational'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** A counseling, support, medical or vocational service a person received. */
@Entity('service_contacts')
export class ServiceContact {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('text') type: ServiceType;
  @Column('date') date: string;
  @Column('uuid', { nullable: true }) facilityId: string | null;
  /** Free text, stored encrypted (`notes_cipher`). */
  @Column('bytea', { name: 'notes_cipher', nullable: true, transformer: encryptedText }) notes: string | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
