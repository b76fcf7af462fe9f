import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'] as const;
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
