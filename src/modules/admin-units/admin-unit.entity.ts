import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * A province, district or commune. `path` is the materialized path of ids from the root
 * (`<province>/<district>/<commune>/`), so "inside this subtree" is one indexed prefix match.
 */
@Entity('admin_units')
export class AdminUnit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') level: UnitLevel;
  @Column('uuid', { nullable: true }) parentId: string | null;
  @Column('text') path: string;
  @Column('integer', { nullable: true }) population: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
