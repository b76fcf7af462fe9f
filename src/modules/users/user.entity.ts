import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'] as const;
/** What each role is, for the API reference. The names stay although PC04 took over from the labour department. */
export const ROLE_DESCRIPTION =
  'admin: system administrator; province_officer: provincial office, since 1 March 2025 the provincial drug police (PC04) who run rehab and ' +
  'post-rehab management (before: the labour department); commune_worker: commune health or social worker; clinic_staff: methadone clinic staff; ' +
  'facility_staff: rehabilitation facility staff';
export type Role = (typeof ROLES)[number];
/** Roles whose scope is a facility as well as a unit. */
export const FACILITY_ROLES: readonly Role[] = ['clinic_staff', 'facility_staff'];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') username: string;
  @Column('text', { select: false }) passwordHash: string;
  @Column('text', { nullable: true }) fullName: string | null;
  @Column('text') role: Role;
  @Column('uuid', { nullable: true }) adminUnitId: string | null;
  @Column('uuid', { nullable: true }) facilityId: string | null;
  @Column('boolean', { default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
