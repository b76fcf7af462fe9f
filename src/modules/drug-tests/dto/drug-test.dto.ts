import { ApiProperty } from '@nestjs/swagger';
import { DRUG_TEST_METHODS, DRUG_TEST_RESULTS, type DrugTestMethod, type DrugTestResult } from '../drug-tests.repository.js';
import { DateField, EnumField, TextListField } from '../../../common/http/fields.js';

export class CreateDrugTestDto {
  @DateField({ terse: true, example: '2026-11-20', description: 'not in the future' }) testDate: string;

  @EnumField(DRUG_TEST_METHODS) method: DrugTestMethod;
  @EnumField(DRUG_TEST_RESULTS, { description: 'positive raises a relapse task for the responsible worker' }) result: DrugTestResult;

  @TextListField({ optional: true, plain: true, maxItems: 20, max: 50, example: ['heroin', 'methamphetamine'], description: 'what the test found' })
  substances?: string[];
}

export class DrugTestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: '2026-11-20' }) testDate: string;
  @ApiProperty({ enum: DRUG_TEST_METHODS }) method: DrugTestMethod;
  @ApiProperty({ enum: DRUG_TEST_RESULTS }) result: DrugTestResult;
  @ApiProperty({ type: [String] }) substances: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) facilityId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class CreatedDrugTestDto extends DrugTestDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the relapse task a positive test raised (null when one was already open)' })
  relapseTaskId: string | null;
}

export class DrugTestPageDto {
  @ApiProperty({ type: [DrugTestDto] }) items: DrugTestDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
