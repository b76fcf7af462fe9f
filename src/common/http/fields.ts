/**
 * One decorator a request field: what the document says about it and the rules that check it,
 * written once so the two cannot drift apart.
 *
 *   @TextField({ max: NAME_MAX, example: 'Nguyễn Văn An' })  fullName: string;
 *   @DateField({ optional: true, nullable: true })           decisionOn?: string | null;
 *   @UuidField({ description: 'a commune' })                 residenceUnitId: string;
 *   @EnumField(SEXES, { present: true })                     sex?: Sex;
 *   @IntField({ min: 0, max: 100, optional: true })          priorCompletedTreatments?: number;
 *   @BoolField({ present: true, default: false })            inDetention?: boolean;
 *   @TextField({ max: 200, clean: false, plain: true })      name: string;
 *
 * `optional`: may be absent or null (@IsOptional). `present`: may be absent, but a value sent is
 * checked, null included (so null is refused). Both mark the field not required in the document.
 * The refusals are class-validator's own (isString, maxLength, isIn...), so their messages do not
 * change with the way a field is written.
 *
 * `terse`: the document gives the type alone, not the format or the limits the rules check. Fields
 * written before these helpers were documented so; they stay so, since clients are generated from
 * the published document.
 */
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';
import { cleanText } from './invisible.js';

/** Validates the property when it is present; `null` is then refused by the other rules. */
export const Present = () => ValidateIf((_o, v) => v !== undefined);

/** A string cleaned as cleanText does (NFC, no invisible characters, whitespace collapsed, trimmed); other values pass unchanged. */
export const cleanValue = (v: unknown) => (typeof v === 'string' ? cleanText(v) : v);
export const CleanText = () => Transform(({ value }) => cleanValue(value));
/** Each string of a list cleaned as cleanValue does; anything else passes unchanged. */
export const CleanTextList = () => Transform(({ value }) => (Array.isArray(value) ? value.map(cleanValue) : value));

/** No control character: PostgreSQL text cannot hold NUL, and no name or filter needs one. */
const PLAIN = /^\P{Cc}*$/u;
/** No control character but tabs and line breaks (a note or comment may run over lines). */
const PLAIN_LINES = /^(?:\P{Cc}|[\t\n\r])*$/u;

/** Refuses control characters (`lines`: tabs and line breaks pass), naming the field. */
export const NoControlCharacters = (lines = false, each = false) =>
  Matches(lines ? PLAIN_LINES : PLAIN, { each, message: (args: ValidationArguments) => `${args.property} must not contain control characters` });

/** What the document says beyond the type and the limits. */
export interface FieldDoc {
  description?: string;
  example?: unknown;
  nullable?: boolean;
  default?: unknown;
}

const DOC_KEYS = new Set(['description', 'example', 'nullable', 'default']);

export interface FieldOptions extends FieldDoc {
  /** May be absent or null. */
  optional?: boolean;
  /** May be absent; a value sent (null included) is checked. */
  present?: boolean;
  /** The document gives the type alone, without format or limits (see the top of this file). */
  terse?: boolean;
}

/**
 * Applies decorators as if stacked in this order above the property (the last runs first), so the
 * rules report their refusals in the order they are written.
 */
export function stack(...decorators: (PropertyDecorator | false | undefined)[]): PropertyDecorator {
  const list = decorators.filter((d): d is PropertyDecorator => !!d).reverse();
  return (target, key) => {
    for (const decorator of list) decorator(target, key);
  };
}

function field(o: FieldOptions, schema: ApiPropertyOptions, ...rules: (PropertyDecorator | false | undefined)[]): PropertyDecorator {
  const { optional, present } = o;
  // The document's keys in the order the field writes them, after the type and the limits.
  const doc: Record<string, unknown> = { ...schema };
  for (const [key, value] of Object.entries(o)) if (DOC_KEYS.has(key) && value !== undefined) doc[key] = value;
  const Doc = optional || present ? ApiPropertyOptional : ApiProperty;
  return stack(Doc(doc as ApiPropertyOptions), optional && IsOptional(), present && Present(), ...rules);
}

export interface TextOptions extends FieldOptions {
  /** The longest text accepted. */
  max?: number;
  /** Refuse the empty string (default: true). */
  nonEmpty?: boolean;
  /** Normalise, trim and collapse whitespace before the rules (default: true). */
  clean?: boolean;
  /** Refuse control characters (`'lines'`: except tabs and line breaks), after the other rules. */
  plain?: boolean | 'lines';
}

/** A string, cleaned (cleanText), not empty, at most `max` characters. */
export function TextField(o: TextOptions = {}): PropertyDecorator {
  const nonEmpty = o.nonEmpty ?? true;
  const clean = o.clean ?? true;
  const limits = o.terse ? {} : { ...(nonEmpty ? { minLength: 1 } : {}), ...(o.max !== undefined ? { maxLength: o.max } : {}) };
  const rules = [IsString(), nonEmpty && IsNotEmpty(), o.max !== undefined && MaxLength(o.max), !!o.plain && NoControlCharacters(o.plain === 'lines')];
  return field(o, { type: String, ...limits }, clean && CleanText(), ...rules);
}

/** A name as people write it (not cleaned): not empty, at most 200 characters, no control characters. */
export const NameField = (o: TextOptions = {}) => TextField({ max: 200, clean: false, terse: true, plain: true, ...o });

/** A text filter of a query: optional, may be empty, at most `max` characters, no control characters. */
export const FilterField = (max: number, o: TextOptions = {}) =>
  TextField({ optional: true, max, clean: false, nonEmpty: false, terse: true, plain: true, ...o });

/** The number of a decision or certificate as written on the paper: optional, at most 100 characters. */
export const DocumentNoField = (o: TextOptions = {}) => TextField({ optional: true, terse: true, clean: false, max: 100, ...o });

export interface TextListOptions extends FieldOptions {
  /** The most strings accepted. */
  maxItems: number;
  /** The longest string accepted. */
  max: number;
  /** Clean each string as TextField does, before the rules. */
  clean?: boolean;
  /** Refuse control characters in each string. */
  plain?: boolean;
}

/** A list of at most `maxItems` strings, each not empty and at most `max` characters. */
export function TextListField(o: TextListOptions): PropertyDecorator {
  const rules = [IsArray(), ArrayMaxSize(o.maxItems), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(o.max, { each: true })];
  return field(o, { type: [String], maxItems: o.maxItems }, o.clean && CleanTextList(), ...rules, o.plain && NoControlCharacters(false, true));
}

/** A code people type and read: 1-32 letters, digits, dots, dashes or underscores. */
export const CodeField = (o: FieldOptions = {}) =>
  field(o, {}, IsString(), Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: (args: ValidationArguments) => `${args.property} must be 1-32 letters, digits, dots, dashes or underscores` }));

/** A real calendar date, `YYYY-MM-DD`. */
export const DateField = (o: FieldOptions = {}) => field(o, o.terse ? { type: String } : { type: String, format: 'date' }, IsCalendarDate());

/** A UUID. */
export const UuidField = (o: FieldOptions = {}) => field(o, o.terse ? { type: String } : { type: String, format: 'uuid' }, IsUUID());

/** One of fixed values. */
export const EnumField = (values: readonly string[], o: FieldOptions = {}) => field(o, { enum: values }, IsIn(values));

export interface IntOptions extends FieldOptions {
  min?: number;
  max?: number;
  /** Read from a query string: '5' becomes 5 before the rules. */
  query?: boolean;
}

/** A whole number within `min`..`max`. */
export function IntField(o: IntOptions = {}): PropertyDecorator {
  const schema: ApiPropertyOptions = {
    type: 'integer',
    ...(o.min !== undefined ? { minimum: o.min } : {}),
    ...(o.max !== undefined ? { maximum: o.max } : {}),
  };
  return field(o, schema, o.query && Type(() => Number), IsInt(), o.min !== undefined && Min(o.min), o.max !== undefined && Max(o.max));
}

/** true or false (from a query string: 'true' or 'false'). */
export function BoolField(o: FieldOptions & { query?: boolean } = {}): PropertyDecorator {
  const fromQuery = o.query && Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
  return field(o, { type: Boolean }, fromQuery, IsBoolean());
}
