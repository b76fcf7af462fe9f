import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AssignSupervisorDto {
  @ApiProperty({ format: 'uuid', description: "an active commune worker whose area holds the person's residence" })
  @IsUUID()
  supervisorUserId: string;
}
