import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateUserDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Get()
  list(@Query() query: UserQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  get(@Param() { id }: IdParam) {
    return this.users.get(id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }
}
