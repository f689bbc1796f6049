import type { ApplicationSnapshot } from '@onewindow/contracts';
import type { PointNode } from '../service-points/service-point-tree.js';
import { progressView } from './progress-view.js';

const POINT: PointNode = { code: '510107001101', name: '洗面桥社区公安服务点', level: 'COMMUNITY', parentCode: '5101070011', address: '洗面桥社区综合服务中心', openingHours: '工作日 9:00–17:00' };

function snapshot(overrides: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  return {
    number: 'HH20260318000001', service: 'household', policeType: 'HOUSEHOLD', itemCode: 'HH-ID-CARD-REPLACE', itemName: '居民身份证补领',
    applicantIdNumber: '510107198804129138', applicantName: '张伟', applicantPhone: '13800138000', status: 'ACCEPTED', unitCode: '510107001101',
    unitName: '洗面桥社区公安服务点', firstInquiryOwnerSub: 'demo:demo-clerk-community', firstInquiryOwnerName: '郑社区窗口', acceptedAt: '2026-03-17T17:30:00Z',
    deadline: '2026-04-08', deadlineProvisional: false, deadlineState: 'ON_TRACK', feeFen: 4000, deliveryMethod: 'WINDOW', resultName: '居民身份证 [internal]',
    pickupNotice: '凭受理回执领取', presentedMaterials: ['ID_PHOTO_RECEIPT'], toleratedMaterials: [], form: { applicantName: '张伟', contactPhone: '13800138000' },
    timeline: [], version: 1, updatedAt: '2026-03-17T17:30:00Z',
    ...overrides,
  } as ApplicationSnapshot;
}

describe('progressView (自助查询)', () => {
  it('shows status, deadline and pickup at the point, in Beijing dates, and nothing personal', () => {
    const v = progressView(snapshot(), POINT);
    expect(v).toMatchObject({ statusLabel: '已受理', deadline: '2026-04-08', acceptedOn: '2026-03-18', resultName: '居民身份证', pickupPlace: '洗面桥社区公安服务点', pickupAddress: '洗面桥社区综合服务中心' });
    expect(v.pickupTime).toBe('办好后短信通知（承诺 2026-04-08 前办结）；工作日 9:00–17:00');
    const text = JSON.stringify(v);
    for (const personal of ['张伟', '13800138000', '510107198804129138', 'ID_PHOTO_RECEIPT']) expect(text).not.toContain(personal);
  });

  it('says when the result is ready, and drops pickup details once done or for post', () => {
    expect(progressView(snapshot({ status: 'READY_FOR_PICKUP' }), POINT).pickupTime).toBe('现在即可领取；工作日 9:00–17:00');
    expect(progressView(snapshot({ status: 'DELIVERED' }), POINT)).toMatchObject({ pickupPlace: null, pickupTime: null, pickupNotice: null });
    expect(progressView(snapshot({ deliveryMethod: 'POST' }), POINT)).toMatchObject({ pickupPlace: '邮政寄递送达', pickupTime: null });
    // Without point data: the unit's name and the default hours.
    expect(progressView(snapshot(), undefined)).toMatchObject({ pickupPlace: '洗面桥社区公安服务点', pickupAddress: null });
  });
});
