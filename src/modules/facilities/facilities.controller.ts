import { ApiController } from '../../common/http/controller.js';
import { RecordsController } from '../../common/http/records-controller.js';
import { CreateFacilityDto, FacilityDto, FacilityQuery, UpdateFacilityDto } from './dto/facility.dto.js';
import { FacilitiesService } from './facilities.service.js';

/** Facilities are public information: every signed-in role may list and read them. */
@ApiController('facilities')
export class FacilitiesController extends RecordsController({
  record: FacilityDto,
  create: CreateFacilityDto,
  update: UpdateFacilityDto,
  query: FacilityQuery,
  routes: {
    create: { roles: ['admin'], summary: 'Add a methadone clinic, rehabilitation facility or health station', operationId: 'createFacility', errors: [400, 409] },
    list: { summary: 'Facilities by type and area; every signed-in role', operationId: 'listFacilities', errors: [400] },
    get: { summary: 'One facility', operationId: 'getFacility', errors: [400, 404] },
    update: { roles: ['admin'], summary: 'Rename a facility, change its type or the unit it sits in', operationId: 'updateFacility', errors: [400, 404, 409] },
  },
}) {
  constructor(facilities: FacilitiesService) {
    super(facilities);
  }
}
