import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FacilityType } from '../../common/access/roles.js';

export { FACILITY_TYPES, type FacilityType } from '../../common/access/roles.js';

@Entity('facilities')
export class Facility {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') type: FacilityType;
  @Column('uuid') adminUnitId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
