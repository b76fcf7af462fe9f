import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `detention_facility`: a pretrial detention centre or holding facility (trại tạm giam, nhà tạm giữ). */
export const FACILITY_TYPES = ['methadone_clinic', 'rehab_facility', 'health_station', 'detention_facility'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

@Entity('facilities')
export class Facility {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') type: FacilityType;
  @Column('uuid') adminUnitId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
