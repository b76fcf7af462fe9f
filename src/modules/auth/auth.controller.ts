import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { CurrentActor, Public } from '../../common/auth/decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RefreshDto } from './dto/auth.dto.js';

const requestContext = (req: { ip?: string; id?: string }): AuditContext => ({
  id: null,
  role: null,
  ip: req.ip ?? null,
  requestId: req.id ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: { ip?: string; id?: string }) {
    return this.auth.login(dto.username, dto.password, requestContext(req));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @Req() req: { ip?: string; id?: string }) {
    return this.auth.refresh(dto.refreshToken, requestContext(req));
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor) {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
