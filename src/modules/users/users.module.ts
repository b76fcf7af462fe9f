import { Module } from '@nestjs/common';
import { CALLER_STATE } from '../../common/auth/caller-state.js';
import { Callers } from './callers.js';
import { Passwords } from './passwords.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [UsersController],
  providers: [UsersService, Passwords, Callers, { provide: CALLER_STATE, useExisting: Callers }],
  exports: [UsersService, Passwords, Callers, CALLER_STATE],
})
export class UsersModule {}
