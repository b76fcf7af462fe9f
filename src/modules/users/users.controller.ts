import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { CreateUserDto, UpdateUserDto, UserDto, UserQuery } from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { Route } from '../../common/http/route.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Route.post({ summary: 'Create a user with a role, an area and (clinic and facility staff) a facility', operationId: 'createUser', created: UserDto, errors: [400, 409] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Route.get({ summary: 'Users by role, area or name', operationId: 'listUsers', paged: UserDto, errors: [400] })
  list(@Query() query: UserQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Route.get(':id', { summary: 'One user', operationId: 'getUser', ok: UserDto, errors: [400, 404] })
  get(@Param() { id }: IdParam): Promise<UserDto> {
    return this.users.get(id);
  }

  @Route.patch(':id', { summary: 'Change a user: name, role, area, facility, password or lock-out', operationId: 'updateUser', ok: UserDto, errors: [400, 404, 409] })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }
}
