import type { AcceptApplicationCommand, ApplicationAction, ApplicationSnapshot, Identity, TransitionApplicationCommand } from '@onewindow/contracts';
import type { CatalogItem } from '@onewindow/catalog';
import type { EntityManager } from 'typeorm';
import type { MaterialVerification, MaterialVerificationContext } from './material-verification.js';

/** Injection token of the police type's rules (a class implementing PoliceTypeRules). */
export const POLICE_TYPE_RULES = Symbol('POLICE_TYPE_RULES');

export interface AcceptanceContext {
  item: CatalogItem;
  command: AcceptApplicationCommand;
  /** Normalised 18-digit applicant ID number (already checksum-validated). */
  applicantIdNumber: string;
  actor: Identity;
  /** Business date (YYYY-MM-DD, Asia/Shanghai). */
  today: string;
  /** The acceptance transaction: write through it, never through the DataSource. */
  manager: EntityManager;
}

export interface AcceptanceDecision {
  applicantName: string;
  applicantPhone?: string | null;
  /** Fee after waivers; default: computeFee(item, command.claimedWaivers). */
  feeFen?: number;
  waiverCode?: string | null;
  /** Police-type facts to keep on the application (e.g. ID card validity). */
  details?: Record<string, unknown>;
}

export interface TransitionContext {
  /** State before the transition. */
  application: ApplicationSnapshot;
  action: ApplicationAction;
  command: TransitionApplicationCommand;
  actor: Identity;
  today: string;
  manager: EntityManager;
}

export interface AfterAcceptContext {
  /** The application as just accepted, with its number (not yet announced). */
  application: ApplicationSnapshot;
  item: CatalogItem;
  command: AcceptApplicationCommand;
  actor: Identity;
  today: string;
  /** The acceptance transaction: write through it, never through the DataSource. */
  manager: EntityManager;
}

/** A line the core records on the application's timeline on behalf of the rules. */
export interface RulesTimelineNote {
  action: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/**
 * What a police type adds to the shared casework core. Throw a DomainException (typed code,
 * Chinese message) to refuse; everything runs inside the casework transaction, so a refusal
 * leaves nothing half-written.
 */
export interface PoliceTypeRules {
  /** Check the applicant and form for this police type before an application is accepted. */
  checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision>;
  /**
   * Side effects of a transition in the same transaction (e.g. death cancellation approved →
   * person deceased; refused → its follow-ups revoked). Returned notes go on the timeline as
   * system entries after the transition's own entry.
   */
  onTransition?(ctx: TransitionContext): Promise<RulesTimelineNote[] | void>;
  /**
   * Side effects of an acceptance once the application number is known, in the acceptance
   * transaction (e.g. a death cancellation opens follow-up transfers). Returned notes go on the
   * timeline as system entries before the application is announced.
   */
  afterAccept?(ctx: AfterAcceptContext): Promise<RulesTimelineNote[] | void>;
  /**
   * Check online, with the departments that hold them, the required materials marked 免提交 that
   * the citizen did not bring (called before the acceptance transaction, so no connection is held
   * while departments answer). A result other than FOUND puts the material on the one-time notice
   * with a note; FOUND results are recorded on the application. Materials without a result are
   * accepted as before (trusted).
   */
  verifyMaterials?(ctx: MaterialVerificationContext): Promise<MaterialVerification[]>;
}
