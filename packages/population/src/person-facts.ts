import { weightedTable } from './random.js';

/** Ethnic groups (民族), weighted per ten thousand; tilted towards Sichuan, where 彝族 and 藏族 live. */
export const ETHNICITIES = weightedTable<string>([
  ['汉族', 9300], ['彝族', 180], ['藏族', 150], ['回族', 80], ['羌族', 50], ['土家族', 50],
  ['苗族', 40], ['满族', 30], ['壮族', 30], ['蒙古族', 20], ['维吾尔族', 15], ['白族', 15],
  ['布依族', 10], ['侗族', 10], ['纳西族', 10], ['傈僳族', 10],
]);

/** Mainland mobile number segments in public use (no virtual-operator 170/171 numbers). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151',
  '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180',
  '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '195', '198', '199',
];
