import { InitialSchema1764000000000 } from '../../migrations/1764000000000-InitialSchema.js';
import { Imports1764600000000 } from '../../migrations/1764600000000-Imports.js';
import { ImportLookupIndex1764600000001 } from '../../migrations/1764600000001-ImportLookupIndex.js';
import { VisitFollowUpIndex1764700000000 } from '../../migrations/1764700000000-VisitFollowUpIndex.js';
import { PersonsResidenceSearchIndex1764700000001 } from '../../migrations/1764700000001-PersonsResidenceSearchIndex.js';
import { PersonsListCoveringIndex1764800000000 } from '../../migrations/1764800000000-PersonsListCoveringIndex.js';
import { SecurityHardening1765100000000 } from '../../migrations/1765100000000-SecurityHardening.js';
import { EncryptNotes1765100000001 } from '../../migrations/1765100000001-EncryptNotes.js';
import { DailyWork1765300000000 } from '../../migrations/1765300000000-DailyWork.js';
import { LegalRules1765500000000 } from '../../migrations/1765500000000-LegalRules.js';
import { PersonHistory1765600000000 } from '../../migrations/1765600000000-PersonHistory.js';
import { DetentionTreatment1765600000001 } from '../../migrations/1765600000001-DetentionTreatment.js';
import { MonthlyReports1765600000002 } from '../../migrations/1765600000002-MonthlyReports.js';
import { Duplicates1765700000000 } from '../../migrations/1765700000000-Duplicates.js';
import { CallerStateNotify1766300000000 } from '../../migrations/1766300000000-CallerStateNotify.js';
import { CoverageRuns1766400000000 } from '../../migrations/1766400000000-CoverageRuns.js';

/** Every migration, in order. A new one is generated, read by a person, then listed here. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  Imports1764600000000,
  ImportLookupIndex1764600000001,
  VisitFollowUpIndex1764700000000,
  PersonsResidenceSearchIndex1764700000001,
  PersonsListCoveringIndex1764800000000,
  SecurityHardening1765100000000,
  EncryptNotes1765100000001,
  DailyWork1765300000000,
  LegalRules1765500000000,
  PersonHistory1765600000000,
  DetentionTreatment1765600000001,
  MonthlyReports1765600000002,
  Duplicates1765700000000,
  CallerStateNotify1766300000000,
  CoverageRuns1766400000000,
];
