import type { Role } from '../../common/access/roles.js';
import type { Person } from './person.entity.js';

/** Roles that see a file's national id, phone and address (decrypted) on a single read. */
export const CONTACT_ROLES: readonly Role[] = ['admin', 'commune_worker'];
/** Roles that write files. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'commune_worker'];

/** What clinic and facility staff learn from an exact lookup of a file not (yet) at their facility. */
export const toPersonLookupView = (p: Person) => ({
  id: p.id,
  caseCode: p.caseCode,
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  residenceUnitId: p.residenceUnitId,
  status: p.status,
});

/** A file as lists show it: the lookup's fields and the file's state, never national id, phone or address. */
export const toPersonListView = (p: Person) => ({
  ...toPersonLookupView(p),
  substances: p.substances,
  registeredOn: p.registeredOn,
  managementDecisionOn: p.managementDecisionOn,
  managementDecisionNo: p.managementDecisionNo,
  inDetention: p.inDetention,
  closedOn: p.closedOn,
  closeReason: p.closeReason,
  mergedIntoId: p.mergedIntoId,
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

export interface PersonContacts {
  nationalId: string | null;
  phone: string | null;
  address: string | null;
}

/** One file; the contact fields only when given (the caller's role may see them). */
export const toPersonView = (p: Person, contacts?: PersonContacts) =>
  contacts ? { ...toPersonListView(p), ...contacts } : toPersonListView(p);
