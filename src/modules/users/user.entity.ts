import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../common/access/roles.js';

export { FACILITY_ROLES, ROLE_DESCRIPTION, ROLES, type Role } from '../../common/access/roles.js';

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
