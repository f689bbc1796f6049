import { PoliceType, type ApplicationSnapshot } from '@onewindow/contracts';

/** A valid household application snapshot (accepted, valid ID number); a test overrides what it is about. */
export function applicationSnapshot(overrides: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  return {
    number: 'HH-20260210-0001',
    service: 'household',
    policeType: PoliceType.HOUSEHOLD,
    itemCode: 'HH-ID-CARD-RENEW',
    itemName: '居民身份证换领',
    applicantIdNumber: '11010519491231002X',
    applicantName: '欧阳娜娜',
    applicantPhone: '13812345678',
    status: 'ACCEPTED',
    unitCode: '510107001',
    unitName: '成都市公安局武侯区分局浆洗街派出所',
    firstInquiryOwnerSub: 'demo:demo-clerk',
    firstInquiryOwnerName: '王窗口',
    acceptedAt: '2026-02-10T09:30:00+08:00',
    deadline: '2026-03-10',
    deadlineProvisional: false,
    deadlineState: 'ON_TIME',
    feeFen: 2000,
    presentedMaterials: [],
    toleratedMaterials: [{ code: 'PHOTO', name: '照片', commitment: '三日内补交', dueDate: '2026-02-13', suppliedAt: null }],
    form: {},
    timeline: [{ at: '2026-02-10T09:30:00+08:00', actorSub: 'demo:demo-clerk', actorName: '王窗口', actorRoles: ['CLERK'], action: 'ACCEPT', fromStatus: null, toStatus: 'ACCEPTED' }],
    version: 1,
    updatedAt: '2026-02-10T09:30:00+08:00',
    ...overrides,
  };
}
