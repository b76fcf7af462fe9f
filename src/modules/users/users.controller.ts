import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { CreateUserDto, UpdateUserDto, UserDto, UserQuery } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with a role, an area and (clinic and facility staff) a facility', operationId: 'createUser' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Users by role, area or name', operationId: 'listUsers' })
  @ApiPagedResponse(UserDto)
  @ApiErrors(400)
  list(@Query() query: UserQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user', operationId: 'getUser' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParam): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user: name, role, area, facility, password or lock-out', operationId: 'updateUser' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }
}
