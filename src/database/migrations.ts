import { InitialSchema1764000000000 } from '../../migrations/1764000000000-InitialSchema.js';

/** Every migration, in order. A new one is generated, read by a person, then listed here. */
export const MIGRATIONS = [InitialSchema1764000000000];
