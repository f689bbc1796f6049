// Masking for screens, logs and SMS (personal-information rules): an ID number keeps its first 6
// and last 4 characters, a mobile number its first 3 and last 4, a name its surname.
// Inputs too short to mask safely come back fully masked rather than partly revealed.

const WHITESPACE = /\s+/g;

/** '110105194912310021' → '110105********0021'; a 15-digit number keeps its length. */
export function maskIdNumber(id: string): string {
  const value = id.replace(WHITESPACE, '').toUpperCase();
  if (value.length < 15) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/**
 * '13812345678' → '138****5678'. Spaces and hyphens are dropped and a +86 / 0086 prefix before an
 * 11-digit mobile is removed; other numbers of 8 or more characters keep only their last 4.
 */
export function maskPhone(phone: string): string {
  let value = phone.replace(/[\s-]+/g, '');
  const international = /^(?:\+86|0086|86)(1\d{10})$/.exec(value);
  if (international) value = international[1]!;
  if (value.length === 11) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  if (value.length >= 8) return '*'.repeat(value.length - 4) + value.slice(-4);
  return '*'.repeat(value.length);
}

// Common two-character surnames (复姓). Keeping the whole surname reveals no more than keeping
// the first character of a single surname does.
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯',
  '长孙', '宇文', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '闻人', '澹台', '公冶',
  '太史', '申屠', '钟离', '赫连', '濮阳', '万俟', '单于', '司空', '鲜于', '东郭', '仲孙', '拓跋',
]);

/**
 * Keeps the surname and masks the given name: '张三' → '张*', '王小明' → '王**',
 * '欧阳娜娜' → '欧阳**'. A compound surname is kept only when a given name follows it
 * ('欧阳' alone is surname 欧 + given name 阳 → '欧*'). Counts characters, not UTF-16 units.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
