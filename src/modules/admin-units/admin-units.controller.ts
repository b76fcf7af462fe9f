import { ApiController } from '../../common/http/controller.js';
import { RecordsController } from '../../common/http/records-controller.js';
import { AdminUnitsService } from './admin-units.service.js';
import { AdminUnitDto, AdminUnitQuery, CreateAdminUnitDto, UpdateAdminUnitDto } from './dto/admin-unit.dto.js';

@ApiController('admin-units')
export class AdminUnitsController extends RecordsController({
  record: AdminUnitDto,
  create: CreateAdminUnitDto,
  update: UpdateAdminUnitDto,
  query: AdminUnitQuery,
  routes: {
    create: { roles: ['admin'], summary: 'Add a province, district (under a province) or commune (under a district)', operationId: 'createAdminUnit', errors: [400, 409] },
    list: { summary: 'Administrative units by parent, level, subtree or code/name; every signed-in role', operationId: 'listAdminUnits', errors: [400] },
    get: { summary: 'One administrative unit', operationId: 'getAdminUnit', errors: [400, 404] },
    update: { roles: ['admin'], summary: 'Rename a unit or set its population', operationId: 'updateAdminUnit', errors: [400, 404] },
  },
}) {
  constructor(units: AdminUnitsService) {
    super(units);
  }
}
