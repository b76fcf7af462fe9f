import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';

/** Who did what to which record, when and from where; field names, never their values. */
export class AuditLogDto {
  @ApiInteger({ minimum: 1, description: 'a sequence number, in the order rows were written', example: 1042 }) id: number;
  @ApiDateTime() at: Date;
  @ApiUuid({ nullable: true, description: 'null for an anonymous request (a failed login)' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'commune_worker' }) actorRole: string | null;
  @ApiProperty({ example: 'read' }) action: string;
  @ApiProperty({ example: 'person' }) entity: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: [String], description: 'the fields written or looked up by' }) fields: string[];
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'ids and counts only' })
  meta: Record<string, unknown> | null;
}
