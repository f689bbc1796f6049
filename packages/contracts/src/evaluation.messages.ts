import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** The national five levels of 好差评 (国办发〔2019〕51号; GB/T 39734-2020), best first. */
export const EVALUATION_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

/** How an evaluation was given: on the window's citizen screen (当场评价) or by an SMS reply (短信回访). */
export const EVALUATION_CHANNELS = ['WINDOW', 'SMS'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];

/** 回访核实 task states: OPEN → CALLED_BACK → RECTIFIED | EXPLAINED; VOIDED when the review is removed. */
export const CALLBACK_STATUSES = ['OPEN', 'CALLED_BACK', 'RECTIFIED', 'EXPLAINED', 'VOIDED'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `complaints.v1.evaluation.recorded`: an evaluation was recorded or voided. No personal data: the
 * application number, level, channel, unit, window and the officer's account.
 */
export class EvaluationRecordedEvent {
  @IsString() evaluationId!: string;
  @IsString() applicationNumber!: string;
  @IsIn(EVALUATION_LEVELS as unknown as string[]) level!: EvaluationLevel;
  @IsIn(EVALUATION_CHANNELS as unknown as string[]) channel!: EvaluationChannel;
  @IsString() unitCode!: string;
  @IsOptional() @IsString() windowNo!: string | null;
  @IsOptional() @IsString() officerUsername!: string | null;
  @Matches(DATE) evaluatedOn!: string;
  @IsBoolean() voided!: boolean;
  @IsString() at!: string;
}

/** `complaints.v1.callback.changed`: a 回访核实 task was opened or moved. No personal data. */
export class CallbackChangedEvent {
  @IsString() taskId!: string;
  @IsString() evaluationId!: string;
  @IsIn(CALLBACK_STATUSES as unknown as string[]) status!: CallbackStatus;
  @IsString() unitCode!: string;
  @Matches(DATE) callbackDue!: string;
  @Matches(DATE) resolveDue!: string;
  /** Where the running period stands (the deadline job moves it). */
  @IsIn(['ON_TIME', 'DUE_SOON', 'OVERDUE', 'DONE']) deadlineState!: 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'DONE';
  @IsString() at!: string;
}
