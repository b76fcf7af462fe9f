import { ApiProperty } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/app-error.js';

export class HealthChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
}

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ type: () => HealthChecksDto }) checks: HealthChecksDto;
}

/** The one error shape, with the checks beside it. */
export class HealthDownDto {
  @ApiProperty({ type: 'integer', enum: [503] }) statusCode: 503;
  @ApiProperty({ example: 'Service Unavailable' }) error: string;
  @ApiProperty({ enum: [ErrorCode.Unavailable] }) code: ErrorCode.Unavailable;
  @ApiProperty({ example: 'redis down' }) message: string;
  @ApiProperty({ enum: ['error'] }) status: 'error';
  @ApiProperty({ type: () => HealthChecksDto }) checks: HealthChecksDto;
}
