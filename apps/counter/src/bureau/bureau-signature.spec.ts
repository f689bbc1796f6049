import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, checkReportSignature, DEMO_DISTRICT_KEYS, parseDistrictKeys, privateKeyFrom, signReport } from './bureau-signature.js';
import { bureauConfigProblems, bureauProductionProblems, districtSigning } from './bureau.config.js';

const demo = DEMO_DISTRICT_KEYS['510107']!;
const keys = parseDistrictKeys(JSON.stringify({ '510107': { keyId: demo.keyId, publicKey: demo.publicKey } }));
const body = Buffer.from(canonicalJson({ districtCode: '510107', month: '2026-10', version: 1 }));
const now = 1_790_000_000;
const signed = (over: Partial<Record<'district' | 'keyId' | 'timestamp', string>> = {}, key = privateKeyFrom(demo.privateKey), b = body) => {
  const h = { district: '510107', keyId: demo.keyId, timestamp: String(now), ...over };
  return { ...h, signature: signReport(key, h.district, h.keyId, h.timestamp, b) };
};

describe('district report signature (Ed25519)', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('accepts the district\'s own signature within the replay window', () => {
    expect(checkReportSignature(keys, signed(), body, now + 60, 300)).toBeNull();
  });

  it('refuses a changed body, another district\'s key, a stale or missing header, an unknown district or key id', () => {
    expect(checkReportSignature(keys, signed(), Buffer.from(body.toString().replace('2026-10', '2026-09')), now, 300)).toBe('BAD_SIGNATURE');
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(checkReportSignature(keys, signed({}, other), body, now, 300)).toBe('BAD_SIGNATURE');
    expect(checkReportSignature(keys, signed(), body, now + 301, 300)).toBe('STALE');
    expect(checkReportSignature(keys, { ...signed(), signature: undefined }, body, now, 300)).toBe('UNSIGNED');
    expect(checkReportSignature(keys, signed({ district: '510104' }), body, now, 300)).toBe('UNKNOWN_DISTRICT');
    expect(checkReportSignature(keys, signed({ keyId: 'old-key' }), body, now, 300)).toBe('UNKNOWN_KEY');
  });

  it('a signature is bound to the district it names: re-labelled as another registered district it fails', () => {
    const both = parseDistrictKeys(JSON.stringify(Object.fromEntries(Object.entries(DEMO_DISTRICT_KEYS).map(([d, k]) => [d, { keyId: k.keyId, publicKey: k.publicKey }]))));
    const s = signed();
    expect(checkReportSignature(both, { ...s, district: '510104', keyId: DEMO_DISTRICT_KEYS['510104']!.keyId }, body, now, 300)).toBe('BAD_SIGNATURE');
  });
});

describe('bureau settings', () => {
  const base = { APP_MODE: 'test', BUREAU_MODE: 'false' };
  it('demo keys by default outside production; none in production', () => {
    expect(districtSigning({ ...base, BUREAU_DISTRICT_CODE: '510107' })?.keyId).toBe('demo-510107');
    expect(districtSigning({ ...base, APP_MODE: 'production', BUREAU_DISTRICT_CODE: '510107' })).toBeNull();
  });
  it('rejects malformed keys and incomplete push settings', () => {
    expect(bureauConfigProblems({ ...base, BUREAU_DISTRICT_KEYS: '{nope' })).toEqual(['BUREAU_DISTRICT_KEYS is not valid JSON']);
    expect(bureauConfigProblems({ ...base, BUREAU_SIGNING_KEY: 'abc', BUREAU_KEY_ID: 'k' })[0]).toMatch(/not a private key/);
    expect(bureauConfigProblems({ ...base, BUREAU_URL: 'http://bureau' })[0]).toMatch(/BUREAU_DISTRICT_CODE/);
    expect(bureauConfigProblems({ ...base, BUREAU_URL: 'http://bureau', BUREAU_DISTRICT_CODE: '510108' })[0]).toMatch(/BUREAU_SIGNING_KEY/);
  });
  it('production refuses the demo keys and a bureau without registered districts', () => {
    const prod = { APP_MODE: 'production', BUREAU_MODE: 'true', BUREAU_SIGNING_KEY: demo.privateKey, BUREAU_DISTRICT_KEYS: JSON.stringify({ '510107': { keyId: 'k', publicKey: demo.publicKey } }) };
    expect(bureauProductionProblems(prod)).toHaveLength(2);
    expect(bureauProductionProblems({ APP_MODE: 'production', BUREAU_MODE: 'true' })[0]).toMatch(/BUREAU_DISTRICT_KEYS/);
  });
});
