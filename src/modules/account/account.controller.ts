import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-docs.js';
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
  @ApiErrors(400, 429)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<PasswordChangedDto> {
    return this.account.changePassword(actor, dto);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'My logins still usable, the current one marked', operationId: 'listOwnSessions' })
  @ApiOkResponse({ type: SessionListDto })
  sessions(@CurrentActor() actor: Actor): Promise<SessionListDto> {
    return this.account.sessions(actor);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my logins at once', operationId: 'endOwnSession' })
  @ApiNoContentResponse({ description: 'ended' })
  @ApiErrors(400, 404)
  async endSession(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<void> {
    await this.account.endSession(actor, id);
  }
}
