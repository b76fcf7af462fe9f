import { Body, Param } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { AccountService } from './account.service.js';
import { ChangePasswordDto, PasswordChangedDto, SessionListDto } from './dto/account.dto.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** Self-service for every role: the caller's own password and logins. */
@ApiController('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Route.post('password', { summary: 'Change my password (current and new); my other logins end', operationId: 'changeOwnPassword', ok: PasswordChangedDto, errors: [400, 429] })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<PasswordChangedDto> {
    return this.account.changePassword(actor, dto);
  }

  @Route.get('sessions', { summary: 'My logins still usable, the current one marked', operationId: 'listOwnSessions', ok: SessionListDto })
  sessions(@CurrentActor() actor: Actor): Promise<SessionListDto> {
    return this.account.sessions(actor);
  }

  @Route.delete('sessions/:id', { summary: 'End one of my logins at once', operationId: 'endOwnSession', noContent: 'ended', errors: [400, 404] })
  async endSession(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<void> {
    await this.account.endSession(actor, id);
  }
}
