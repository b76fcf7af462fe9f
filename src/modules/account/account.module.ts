import { Module } from '@nestjs/common';
import { LoginThrottle } from '../auth/login-throttle.js';
import { UsersModule } from '../users/users.module.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';

@Module({ imports: [UsersModule], controllers: [AccountController], providers: [AccountService, LoginThrottle] })
export class AccountModule {}
