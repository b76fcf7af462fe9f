import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A public holiday or a day off moved to a weekday: not a working day. Holidays are announced
 * each year, so an admin adds them; `source` names the law or announcement.
 */
@Entity('public_holidays')
export class PublicHoliday {
  @PrimaryColumn('date') date: string;
  @Column('text') name: string;
  @Column('text') source: string;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
