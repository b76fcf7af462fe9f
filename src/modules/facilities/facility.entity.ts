/** The kinds of facility, where the DTOs and other modules import them; a facility's row is declared in the repository. */
export { FACILITY_TYPES, type FacilityType } from '../../common/access/roles.js';
