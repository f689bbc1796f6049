import type { KeyObject } from 'node:crypto';
import { DEMO_DISTRICT_KEYS, isEd25519, parseDistrictKeys, privateKeyFrom, type DistrictKey } from './bureau-signature.js';

/** The bureau settings of CounterConfig (config.ts), read here so the rules sit beside the code that uses them. */
export interface BureauSettings {
  APP_MODE: string;
  BUREAU_MODE: string;
  BUREAU_DISTRICT_KEYS?: string;
  BUREAU_URL?: string;
  BUREAU_DISTRICT_CODE?: string;
  BUREAU_KEY_ID?: string;
  BUREAU_SIGNING_KEY?: string;
}

const demoKeysJson = () => JSON.stringify(Object.fromEntries(Object.entries(DEMO_DISTRICT_KEYS).map(([d, k]) => [d, { keyId: k.keyId, publicKey: k.publicKey }])));

/** Bureau side: the registered districts' public keys (demo keys when unset outside production). */
export function bureauDistrictKeys(c: BureauSettings): Map<string, DistrictKey> {
  if (c.BUREAU_DISTRICT_KEYS) return parseDistrictKeys(c.BUREAU_DISTRICT_KEYS);
  return c.APP_MODE === 'production' ? new Map() : parseDistrictKeys(demoKeysJson());
}

export interface DistrictSigning {
  districtCode: string;
  keyId: string;
  privateKey: KeyObject;
}

/** District side: who this deployment signs as, or null when no district is configured. */
export function districtSigning(c: BureauSettings): DistrictSigning | null {
  const districtCode = c.BUREAU_DISTRICT_CODE;
  if (!districtCode) return null;
  const demo = c.APP_MODE === 'production' ? undefined : DEMO_DISTRICT_KEYS[districtCode];
  const keyText = c.BUREAU_SIGNING_KEY ?? demo?.privateKey;
  const keyId = c.BUREAU_KEY_ID ?? (c.BUREAU_SIGNING_KEY ? undefined : demo?.keyId);
  if (!keyText || !keyId) return null;
  return { districtCode, keyId, privateKey: privateKeyFrom(keyText) };
}

export function bureauConfigProblems(c: BureauSettings): string[] {
  const problems: string[] = [];
  if (c.BUREAU_DISTRICT_KEYS) {
    try {
      parseDistrictKeys(c.BUREAU_DISTRICT_KEYS);
    } catch (err) {
      problems.push(err instanceof SyntaxError ? 'BUREAU_DISTRICT_KEYS is not valid JSON' : String((err as Error).message));
    }
  }
  if (c.BUREAU_SIGNING_KEY) {
    try {
      if (!isEd25519(privateKeyFrom(c.BUREAU_SIGNING_KEY))) problems.push('BUREAU_SIGNING_KEY must be an Ed25519 private key');
    } catch {
      problems.push('BUREAU_SIGNING_KEY is not a private key (base64 PKCS#8 DER or PEM)');
    }
    if (!c.BUREAU_KEY_ID) problems.push('BUREAU_SIGNING_KEY needs BUREAU_KEY_ID (the key id registered at the bureau)');
  }
  if (c.BUREAU_URL && !c.BUREAU_DISTRICT_CODE) problems.push('BUREAU_URL needs BUREAU_DISTRICT_CODE (the district this deployment reports for)');
  if (c.BUREAU_URL && c.BUREAU_DISTRICT_CODE && !c.BUREAU_SIGNING_KEY && (c.APP_MODE === 'production' || !DEMO_DISTRICT_KEYS[c.BUREAU_DISTRICT_CODE])) {
    problems.push('BUREAU_URL needs BUREAU_SIGNING_KEY and BUREAU_KEY_ID');
  }
  return problems;
}

export function bureauProductionProblems(c: BureauSettings): string[] {
  const problems: string[] = [];
  const demoPrivate = new Set(Object.values(DEMO_DISTRICT_KEYS).map((k) => k.privateKey));
  const demoPublic = new Set(Object.values(DEMO_DISTRICT_KEYS).map((k) => k.publicKey));
  if (c.BUREAU_SIGNING_KEY && demoPrivate.has(c.BUREAU_SIGNING_KEY.trim())) problems.push('BUREAU_SIGNING_KEY is a demo key published in the repository: generate the district\'s own key (docs/runbook.md)');
  if (c.BUREAU_MODE === 'true' && !c.BUREAU_DISTRICT_KEYS) problems.push('BUREAU_MODE=true needs BUREAU_DISTRICT_KEYS (the districts\' public keys)');
  if (c.BUREAU_DISTRICT_KEYS) {
    try {
      const raw = JSON.parse(c.BUREAU_DISTRICT_KEYS) as Record<string, { publicKey?: string }>;
      if (Object.values(raw).some((e) => e?.publicKey && demoPublic.has(e.publicKey.trim()))) problems.push('BUREAU_DISTRICT_KEYS contains a demo public key: register the districts\' own keys');
    } catch {
      // reported by bureauConfigProblems
    }
  }
  return problems;
}
