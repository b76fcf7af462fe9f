/** The kinds of service, where the DTOs import them; declared with `service_contacts`' row in the repository. */
export { SERVICE_TYPES, type ServiceType } from './service-contacts.repository.js';
