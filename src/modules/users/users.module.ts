import { Module } from '@nestjs/common';
import { Passwords } from './passwords.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ controllers: [UsersController], providers: [UsersService, Passwords], exports: [UsersService, Passwords] })
export class UsersModule {}
