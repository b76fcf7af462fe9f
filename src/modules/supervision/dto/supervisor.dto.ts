import { UuidField } from '../../../common/http/fields.js';

export class AssignSupervisorDto {
  @UuidField({ description: "an active commune worker whose area holds the person's residence" }) supervisorUserId: string;
}
