/** A material in a one-time notice that the applicant still has to supply. */
export interface MissingMaterial {
  name: string;
  /** What exactly is wrong or how to supply it (e.g. "原件及复印件各一份"). */
  note?: string;
}

/** A material the applicant already presented at the counter. */
export interface PresentedMaterial {
  name: string;
}

/** The "六告知" of a service item (service item, materials, fee, process, time limit, supervision). */
export interface SixNotices {
  serviceItem: string;
  materials: string[];
  fee: string;
  process: string[];
  timeLimit: string;
  supervision: string;
}

/** Input of {@link renderOneTimeNotice}: the 一次性告知单 printed when materials are incomplete. */
export interface OneTimeNoticeDocument {
  noticeNumber: string;
  /** ISO 8601 date or date-time; a value without offset is read as Beijing time (UTC+8). */
  issuedAt: string;
  /** e.g. 成都市公安局武侯区分局浆洗街派出所 */
  unitName: string;
  clerkName: string;
  clerkId: string;
  /** Already masked by the caller (e.g. 张*). */
  applicantName: string;
  /** Masked ID number, e.g. 110105********1234; an unmasked number is rejected. */
  applicantIdNumberMasked: string;
  itemCode: string;
  itemName: string;
  missingMaterials: MissingMaterial[];
  presentedMaterials: PresentedMaterial[];
  sixNotices: SixNotices;
  /** Extra note printed after the 六告知 section (e.g. a local regulation). */
  legalNote?: string;
}

/** How the result (certificate, licence) reaches the applicant. */
export type PickupMethod = 'window' | 'post' | 'home';

/** A material accepted as a tolerated gap (容缺受理) under the applicant's written commitment. */
export interface ToleratedMaterial {
  name: string;
  /** ISO date by which the applicant committed to supply it. */
  dueDate: string;
  note?: string;
}

/** Input of {@link renderAcceptanceReceipt}: the 受理回执 handed out on acceptance. */
export interface AcceptanceReceiptDocument {
  applicationNumber: string;
  /** ISO 8601 date-time of acceptance; a value without offset is read as Beijing time (UTC+8). */
  acceptedAt: string;
  unitName: string;
  clerkName: string;
  clerkId: string;
  /** Already masked by the caller. */
  applicantName: string;
  applicantIdNumberMasked: string;
  itemCode: string;
  itemName: string;
  /** ISO date: the promised completion date. */
  promisedCompletionDate: string;
  /** Human-readable promised time limit, e.g. "7个工作日". */
  timeLimit?: string;
  pickup: {
    method: PickupMethod;
    /** Place of pickup or (masked) delivery address. */
    detail?: string;
  };
  /** Materials already received (optional). */
  receivedMaterials?: PresentedMaterial[];
  /** Materials accepted under a written commitment (容缺承诺); empty when none. */
  toleratedMaterials: ToleratedMaterial[];
  /** Enquiry phone printed on the receipt (optional). */
  contactPhone?: string;
  legalNote?: string;
  /** 办理进度查询 address (e.g. https://…/progress?number=…), printed with its QR code (optional). */
  progressQueryUrl?: string;
}
