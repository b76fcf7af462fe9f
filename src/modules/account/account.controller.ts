import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { AccountService } from './account.service.js';
import { ChangePasswordDto, PasswordChangedDto, SessionListDto } from './dto/account.dto.js';

/** Self-service for every role: the caller's own password and logins. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change my password (current and new); my other logins end', operationId: 'changeOwnPassword' })
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiResponse({ status: 400, description: 'currentPassword wrong, or newPassword too short or unchanged' })
  @ApiResponse({ status: 401, description: 'not signed in' })
  @ApiResponse({ status: 429, description: 'too many wrong passwords for this user' })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<PasswordChangedDto> {
    return this.account.changePassword(actor, dto);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'My logins still usable, the current one marked', operationId: 'listOwnSessions' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiResponse({ status: 401, description: 'not signed in' })
  sessions(@CurrentActor() actor: Actor): Promise<SessionListDto> {
    return this.account.sessions(actor);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my logins at once', operationId: 'endOwnSession' })
  @ApiResponse({ status: 204, description: 'ended' })
  @ApiResponse({ status: 400, description: 'id is not a UUID' })
  @ApiResponse({ status: 401, description: 'not signed in' })
  @ApiResponse({ status: 404, description: 'no such login of mine still usable' })
  async endSession(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<void> {
    await this.account.endSession(actor, id);
  }
}
