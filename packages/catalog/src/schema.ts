// The service-catalog (事项目录) schema: class-validator classes, so that a data file is
// validated when it is loaded. All classes live in this one file on purpose: decorator
// metadata (emitDecoratorMetadata) must reference classes as values, which breaks with
// type-only imports under isolatedModules.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

/** 警种. Values match `PoliceType` in @onewindow/contracts. */
export const POLICE_TYPES = ['HOUSEHOLD', 'EXIT_ENTRY', 'TRAFFIC', 'PUBLIC_SECURITY', 'COMPLAINTS'] as const;
export type PoliceType = (typeof POLICE_TYPES)[number];

/** Chinese names of the police types, for printing. */
export const POLICE_TYPE_LABELS: Readonly<Record<PoliceType, string>> = {
  HOUSEHOLD: '户政',
  EXIT_ENTRY: '出入境',
  TRAFFIC: '交管',
  PUBLIC_SECURITY: '治安',
  COMPLAINTS: '信访投诉',
};

/** Item codes start with this prefix per police type (e.g. HH-ID-CARD-REPLACE). */
export const POLICE_TYPE_CODE_PREFIX: Readonly<Record<PoliceType, string>> = {
  HOUSEHOLD: 'HH',
  EXIT_ENTRY: 'EE',
  TRAFFIC: 'TR',
  PUBLIC_SECURITY: 'PS',
  COMPLAINTS: 'CP',
};

export const TIME_LIMIT_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

/**
 * The lifecycle step that ends an item's clock (限时办结): the decision (APPROVED, 行政许可法
 * 第四十二条 — the default) or, for items that produce a document, its issuance
 * (READY_FOR_PICKUP: made and waiting for the citizen; DELIVERED: in the citizen's hands).
 * Values are application statuses of @onewindow/contracts.
 */
export const CLOCK_STOPS = ['APPROVED', 'READY_FOR_PICKUP', 'DELIVERED'] as const;
export type ClockStop = (typeof CLOCK_STOPS)[number];

/** 行政许可法 第四十二条: a decision may be extended once by ten working days with approval. */
export const DEFAULT_MAX_EXTENSION = { workingDays: 10, basis: '《中华人民共和国行政许可法》第四十二条' } as const;

export const CHANNELS = ['COUNTER', 'ONLINE', 'SELF_SERVICE', 'HOME_VISIT'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  COUNTER: '窗口办理',
  ONLINE: '网上办理',
  SELF_SERVICE: '自助办理',
  HOME_VISIT: '预约上门办理',
};

/**
 * 三级窗口: the levels of service point (区级政务服务中心 → 街道便民服务中心 → 社区综合服务中心)
 * at which an item may be accepted. The district hall takes every item; delegation (延伸下放)
 * to the street and community points is data of the item, versioned with the catalog.
 */
export const SERVICE_POINT_LEVELS = ['DISTRICT_HALL', 'STREET', 'COMMUNITY'] as const;
export type ServicePointLevel = (typeof SERVICE_POINT_LEVELS)[number];

export const SERVICE_POINT_LEVEL_LABELS: Readonly<Record<ServicePointLevel, string>> = {
  DISTRICT_HALL: '区级政务服务中心',
  STREET: '街道便民服务中心',
  COMMUNITY: '社区综合服务中心',
};

/** An item may be accepted at a point of this level (the district hall takes every item). */
export function acceptedAtLevel(item: { acceptLevels?: readonly ServicePointLevel[] }, level: ServicePointLevel): boolean {
  return level === 'DISTRICT_HALL' || (item.acceptLevels ?? ['DISTRICT_HALL']).includes(level);
}

/**
 * A second open application of the same person (applicant ID number) for the same item:
 * REFUSE — refused with the open one's number (e.g. 居民身份证补领: one card, one case at a time);
 * WARN — accepted, the clerk is told what is already open (the default);
 * ALLOW — accepted silently (things a person legitimately holds or asks for several of).
 */
export const DUPLICATE_OPEN_POLICIES = ['REFUSE', 'WARN', 'ALLOW'] as const;
export type DuplicateOpenPolicy = (typeof DUPLICATE_OPEN_POLICIES)[number];

export const FORM_FIELD_TYPES = ['string', 'date', 'enum', 'idNumber', 'phone', 'number', 'boolean', 'text'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** UPPER_SNAKE, e.g. ID_PHOTO_RECEIPT. */
export const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** e.g. HH-ID-CARD-REPLACE. */
export const ITEM_CODE = /^[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** lowerCamelCase form-field keys, e.g. contactPhone. */
export const FIELD_KEY = /^[a-z][A-Za-z0-9]*$/;
/** Semantic version, e.g. 1.2.0 or 2.0.0-rc.1. */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
/** YYYY-MM-DD (calendar validity is checked by the loader). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Phone numbers as dialled: digits, optionally with '-' (e.g. 12389, 028-12345678). */
export const SUPERVISION_PHONE = /^\d[\d-]{2,19}$/;

export class TimeLimit {
  /** 0 means on the spot (当场/即时办结). */
  @IsInt()
  @Min(0)
  value: number;

  @IsIn(TIME_LIMIT_UNITS)
  unit: TimeLimitUnit;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  note?: string;
}

/** How far the deadline of a case may be extended (延期) in total; default DEFAULT_MAX_EXTENSION. */
export class ExtensionLimit {
  /** Total working days all approved extensions of one case may add; 0 = no extension. */
  @IsInt()
  @Min(0)
  workingDays: number;

  /** The rule that sets the cap, e.g. 《中华人民共和国行政许可法》第四十二条 or a local rule. */
  @IsString()
  @IsNotEmpty()
  basis: string;
}

export class MaterialSpec {
  @Matches(UPPER_SNAKE, { message: 'code must be UPPER_SNAKE (e.g. ID_PHOTO_RECEIPT)' })
  code: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsBoolean()
  required: boolean;

  /** 容缺: may be accepted on a written commitment (书面承诺) when missing. Default false. */
  @IsBoolean()
  toleratedIfMissing: boolean = false;

  /** 免提交: checked online with another department instead of demanded. Default false. */
  @IsBoolean()
  verifiedOnline: boolean = false;

  /** Department the material is checked with, e.g. 卫健部门. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  verifiedBy?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  note?: string;
}

export class FeeWaiver {
  /** e.g. FIRST_ID_CARD, PUPIL_HOLIDAY, LOW_INCOME (低保). */
  @Matches(UPPER_SNAKE, { message: 'code must be UPPER_SNAKE (e.g. LOW_INCOME)' })
  code: string;

  @IsString()
  @IsNotEmpty()
  description: string;

  /** Who qualifies, as human text. */
  @IsString()
  @IsNotEmpty()
  condition: string;
}

export class Fee {
  /** Amount in fen (分); 0 = free. */
  @IsInt()
  @Min(0)
  amountFen: number;

  @IsString()
  @IsNotEmpty()
  description: string;

  /** Full waivers; default none. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FeeWaiver)
  waivers: FeeWaiver[] = [];

  /** Pricing document, e.g. 发改价格〔2003〕2322号. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  basis?: string;
}

export class FormFieldSpec {
  @Matches(FIELD_KEY, { message: 'key must be lowerCamelCase (e.g. contactPhone)' })
  key: string;

  @IsString()
  @IsNotEmpty()
  label: string;

  @IsIn(FORM_FIELD_TYPES)
  type: FormFieldType;

  @IsBoolean()
  required: boolean;

  /** Choices of an 'enum' field (required for 'enum', not allowed otherwise). */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  options?: string[];
}

export class SourceRef {
  @IsString()
  @IsNotEmpty()
  title: string;

  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  url: string;
}

export class CatalogItem {
  /** e.g. HH-ID-CARD-REPLACE; the prefix must match the police type (see POLICE_TYPE_CODE_PREFIX). */
  @Matches(ITEM_CODE, { message: 'code must look like HH-ID-CARD-REPLACE' })
  code: string;

  @IsString()
  @IsNotEmpty()
  name: string;

  /** Other names citizens use (俗称), for search. Default none. */
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  aliases: string[] = [];

  @IsIn(POLICE_TYPES)
  policeType: PoliceType;

  /** Grouping inside the police type, e.g. 居民身份证. */
  @IsString()
  @IsNotEmpty()
  category: string;

  @IsString()
  @IsNotEmpty()
  description: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MaterialSpec)
  materials: MaterialSpec[];

  @ValidateNested()
  @Type(() => Fee)
  fee: Fee;

  /** Limit set by law or regulation (法定时限). */
  @ValidateNested()
  @Type(() => TimeLimit)
  statutoryTimeLimit: TimeLimit;

  /** Limit the bureau promises (承诺时限); not longer than the statutory one. */
  @ValidateNested()
  @Type(() => TimeLimit)
  promisedTimeLimit: TimeLimit;

  /** Which lifecycle step ends the clock (限时办结); default APPROVED (the decision). */
  @IsIn(CLOCK_STOPS)
  clockStopsAt: ClockStop = 'APPROVED';

  /** Cap on extensions (延期); default 10 working days (行政许可法 第四十二条). */
  @ValidateNested()
  @Type(() => ExtensionLimit)
  maxExtension: ExtensionLimit = Object.assign(new ExtensionLimit(), DEFAULT_MAX_EXTENSION);

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  /** 三级窗口: levels of service point that may accept the item; must include DISTRICT_HALL; default the hall only. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SERVICE_POINT_LEVELS, { each: true })
  acceptLevels: ServicePointLevel[] = ['DISTRICT_HALL'];

  /** A second open application of the same person for this item: REFUSE, WARN (default) or ALLOW. */
  @IsIn(DUPLICATE_OPEN_POLICIES)
  duplicateOpenApplication: DuplicateOpenPolicy = 'WARN';

  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  processSteps: string[];

  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  legalBasis: string[];

  @Matches(SUPERVISION_PHONE, { message: 'supervisionPhone must be digits (e.g. 12389); quote it in YAML' })
  supervisionPhone: string;

  /** 证照/结果, e.g. 居民身份证. */
  @IsString()
  @IsNotEmpty()
  resultName: string;

  /** Where/when to collect the result; used in the SMS. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  pickupNotice?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FormFieldSpec)
  formFields: FormFieldSpec[];

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SourceRef)
  sources: SourceRef[];
}

export class Catalog {
  @IsIn(POLICE_TYPES)
  policeType: PoliceType;

  /** semver; bump on every change of the file. */
  @Matches(SEMVER, { message: 'version must be a semantic version such as 1.0.0 (quote it in YAML)' })
  version: string;

  /** YYYY-MM-DD. */
  @Matches(ISO_DATE, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CatalogItem)
  items: CatalogItem[];
}
