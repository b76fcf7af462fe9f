import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const DRUG_TEST_METHODS = ['urine_rapid', 'saliva', 'blood', 'hair', 'other'] as const;
export type DrugTestMethod = (typeof DRUG_TEST_METHODS)[number];
export const DRUG_TEST_RESULTS = ['negative', 'positive', 'invalid'] as const;
export type DrugTestResult = (typeof DRUG_TEST_RESULTS)[number];

/** A drug test (xét nghiệm ma túy), usually a rapid urine test; clinic and facility staff's carry their facility. */
@Entity('drug_tests')
export class DrugTest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('date') testDate: string;
  @Column('text') method: DrugTestMethod;
  @Column('text') result: DrugTestResult;
  @Column('text', { array: true, default: '{}' }) substances: string[];
  @Column('uuid', { nullable: true }) facilityId: string | null;
  @Column('uuid', { nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
