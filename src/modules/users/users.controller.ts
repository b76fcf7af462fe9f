import { ApiController } from '../../common/http/controller.js';
import { RecordsController } from '../../common/http/records-controller.js';
import { CreateUserDto, UpdateUserDto, UserDto, UserQuery } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiController('users', { roles: ['admin'] })
export class UsersController extends RecordsController({
  record: UserDto,
  create: CreateUserDto,
  update: UpdateUserDto,
  query: UserQuery,
  routes: {
    create: { summary: 'Create a user with a role, an area and (clinic and facility staff) a facility', operationId: 'createUser', errors: [400, 409] },
    list: { summary: 'Users by role, area or name', operationId: 'listUsers', errors: [400] },
    get: { summary: 'One user', operationId: 'getUser', errors: [400, 404] },
    update: { summary: 'Change a user: name, role, area, facility, password or lock-out', operationId: 'updateUser', errors: [400, 404, 409] },
  },
}) {
  constructor(users: UsersService) {
    super(users);
  }
}
