import { ConfigError, loadConfig } from '@onewindow/platform';
import { ComplaintsConfig } from './config.js';

describe('complaints configuration', () => {
  it('listens on 4105 by default', () => {
    const config = loadConfig('complaints', ComplaintsConfig, {});
    expect(config.PORT).toBe(4105);
    expect(config.APP_MODE).toBe('demo');
  });

  it('takes its port from the environment', () => {
    expect(loadConfig('complaints', ComplaintsConfig, { PORT: '5105' }).PORT).toBe(5105);
  });

  it('stops at boot with one line naming the service when a value is bad', () => {
    expect(() => loadConfig('complaints', ComplaintsConfig, { PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig('complaints', ComplaintsConfig, { PORT: '70000' })).toThrow(/^\[complaints\] invalid configuration: /);
  });

  it('refuses demo secrets and the embedded database in production', () => {
    expect(() => loadConfig('complaints', ComplaintsConfig, { APP_MODE: 'production' })).toThrow(/INTERNAL_IDENTITY_SECRET.*DATABASE_URL/);
  });

  it('has the online form\'s limits and no 12345 push secret by default; a short secret stops the boot', () => {
    const config = loadConfig('complaints', ComplaintsConfig, {});
    expect(config).toMatchObject({ ONLINE_CODES_PER_PHONE_PER_HOUR: 5, ONLINE_CODES_PER_IP_PER_HOUR: 20, ONLINE_SUBMISSIONS_PER_IP_PER_DAY: 10, ONLINE_CODE_TTL_SECONDS: 600, ONLINE_CODE_MAX_ATTEMPTS: 5 });
    expect(config.WORK_ORDER_12345_SECRET).toBeUndefined();
    expect(loadConfig('complaints', ComplaintsConfig, { ONLINE_CODES_PER_PHONE_PER_HOUR: '3' }).ONLINE_CODES_PER_PHONE_PER_HOUR).toBe(3);
    expect(() => loadConfig('complaints', ComplaintsConfig, { WORK_ORDER_12345_SECRET: 'short' })).toThrow(/WORK_ORDER_12345_SECRET must be at least 32 characters/);
  });
});

describe('complaints configuration: deduction points', () => {
  it('deducts 2 points from unit and officer by default, and takes other values from the environment', () => {
    expect(loadConfig('complaints', ComplaintsConfig, {})).toMatchObject({ DEDUCTION_UNIT_POINTS: 2, DEDUCTION_OFFICER_POINTS: 2 });
    expect(loadConfig('complaints', ComplaintsConfig, { DEDUCTION_UNIT_POINTS: '5', DEDUCTION_OFFICER_POINTS: '1' })).toMatchObject({ DEDUCTION_UNIT_POINTS: 5, DEDUCTION_OFFICER_POINTS: 1 });
    expect(() => loadConfig('complaints', ComplaintsConfig, { DEDUCTION_OFFICER_POINTS: '-1' })).toThrow(/DEDUCTION_OFFICER_POINTS/);
  });
});

describe('complaints configuration: 好差评', () => {
  it('needs the inbound-SMS secret in production', () => {
    expect(() => loadConfig('complaints', ComplaintsConfig, { APP_MODE: 'production' })).toThrow(/SMS_INBOUND_SECRET is required in production/);
  });

  it('takes the rectification period per city, 15 working days by default', () => {
    const config = loadConfig('complaints', ComplaintsConfig, { EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY: '3702:3,5101:10' });
    expect(config.rectifyWorkingDaysFor('370211001')).toBe(3);
    expect(config.rectifyWorkingDaysFor('510107001')).toBe(10);
    expect(config.rectifyWorkingDaysFor('440106001')).toBe(15);
    expect(() => loadConfig('complaints', ComplaintsConfig, { EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY: 'Qingdao=3' })).toThrow(/EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY/);
  });

  it('refuses thresholds that do not fit together', () => {
    expect(() => loadConfig('complaints', ComplaintsConfig, { EVALUATION_BUREAU_NOTICE_BELOW: '95' })).toThrow(/EVALUATION_BUREAU_NOTICE_BELOW/);
    expect(() => loadConfig('complaints', ComplaintsConfig, { EVALUATION_STAR_THRESHOLDS: '90,92,95,97,99' })).toThrow(/EVALUATION_STAR_THRESHOLDS/);
    expect(() => loadConfig('complaints', ComplaintsConfig, { SMS_INBOUND_SECRET: 'short' })).toThrow(/SMS_INBOUND_SECRET/);
  });
});
