// Built-in name lists. Surname weights approximate the shares (per ten thousand) published in
// the Ministry of Public Security's surname reports; given names follow the fashion of the
// person's birth decades, so a grandmother is 秀英 and her granddaughter 梓涵.

import { type Random, weightedTable } from './random.js';
import type { Sex } from '@onewindow/id-number';

export const SURNAMES = weightedTable<string>([
  ['王', 712], ['李', 700], ['张', 674], ['刘', 510], ['陈', 461], ['杨', 322], ['黄', 245],
  ['赵', 219], ['吴', 208], ['周', 192], ['徐', 145], ['孙', 138], ['马', 129], ['朱', 128],
  ['胡', 116], ['郭', 113], ['何', 106], ['林', 102], ['高', 100], ['罗', 95], ['郑', 87],
  ['梁', 84], ['谢', 76], ['宋', 70], ['唐', 69], ['许', 66], ['韩', 65], ['冯', 64], ['邓', 62],
  ['曹', 62], ['彭', 59], ['曾', 58], ['肖', 57], ['田', 56], ['董', 55], ['袁', 53], ['潘', 53],
  ['于', 52], ['蒋', 50], ['蔡', 50], ['余', 49], ['杜', 48], ['叶', 47], ['程', 46], ['苏', 45],
  ['魏', 44], ['吕', 44], ['丁', 43], ['任', 42], ['沈', 41], ['姚', 40], ['卢', 40], ['姜', 38],
  ['崔', 38], ['钟', 37], ['谭', 36], ['陆', 35], ['汪', 35], ['范', 34], ['金', 34], ['石', 33],
  ['廖', 32], ['贾', 32], ['夏', 31], ['韦', 30], ['付', 30], ['方', 29], ['白', 29], ['邹', 28],
  ['孟', 28], ['熊', 27], ['秦', 27], ['邱', 27], ['江', 26], ['尹', 25], ['薛', 25], ['闫', 24],
  ['段', 24], ['雷', 24], ['侯', 23], ['龙', 23], ['史', 22], ['陶', 22], ['黎', 21], ['贺', 21],
  ['顾', 20], ['毛', 20], ['郝', 20], ['龚', 19], ['邵', 19], ['万', 18], ['钱', 18], ['严', 17],
  ['覃', 17], ['武', 17], ['戴', 17], ['莫', 16], ['孔', 16], ['向', 15], ['汤', 15], ['欧阳', 5],
  ['司马', 1], ['上官', 1], ['诸葛', 1],
]);

type Era = 0 | 1 | 2 | 3;

/** [era][sex]: born before 1960, 1960–1979, 1980–1999, 2000 and later. */
const HAN_GIVEN_NAMES: Record<Era, Record<Sex, readonly string[]>> = {
  0: {
    MALE: ['建国', '国庆', '解放', '志强', '德明', '玉林', '振华', '永福', '长林', '树林', '文华',
      '宝山', '国华', '明德', '福生', '金生', '传海', '家富', '有才', '德胜', '学文', '光荣', '忠'],
    FEMALE: ['秀英', '桂英', '玉兰', '桂兰', '秀兰', '凤英', '淑珍', '玉珍', '秀珍', '桂芳', '翠花',
      '素芬', '兰英', '玉梅', '凤兰', '淑英', '桂珍', '玉华', '秀芳', '春兰', '珍'],
  },
  1: {
    MALE: ['建华', '建军', '卫东', '红军', '志刚', '海涛', '国强', '永强', '伟', '军', '勇', '强',
      '平', '斌', '刚', '明', '华', '建平', '小平', '立新', '卫国', '志勇', '建明', '国平'],
    FEMALE: ['红梅', '丽华', '晓红', '丽', '敏', '红', '燕', '霞', '芳', '春梅', '海燕', '秀梅',
      '丽萍', '雪梅', '小红', '爱华', '建英', '晓梅', '玉萍', '丽娟', '艳', '萍'],
  },
  2: {
    MALE: ['磊', '涛', '鹏', '杰', '浩', '超', '宇', '俊', '帅', '鑫', '洋', '亮', '峰', '飞', '晨',
      '凯', '伟杰', '志伟', '俊杰', '家豪', '文博', '建伟', '明杰', '小龙', '海洋', '鹏飞', '思远'],
    FEMALE: ['婷', '静', '丹', '娟', '倩', '颖', '琳', '莉', '雪', '婷婷', '丹丹', '晶晶', '佳', '瑶',
      '欣', '露', '璐', '雅', '思雨', '雨婷', '佳琪', '梦瑶', '晓雪', '倩倩', '玲玲', '雪莲'],
  },
  3: {
    MALE: ['子轩', '浩宇', '宇轩', '浩然', '梓豪', '俊熙', '一诺', '博文', '子豪', '皓轩', '睿',
      '泽宇', '奕辰', '梓睿', '沐阳', '宇航', '铭泽', '天佑', '明轩', '俊宇', '子墨', '宇辰', '煜'],
    FEMALE: ['子涵', '梓涵', '欣怡', '诗涵', '雨桐', '梓萱', '一诺', '可馨', '语嫣', '若汐', '欣妍',
      '思涵', '梦琪', '雨欣', '佳怡', '紫涵', '芷若', '依诺', '梓琪', '诗琪', '沐晴', '安琪', '悦'],
  },
};

// Tibetan names have no surname; a person usually carries one or two of these names.
const TIBETAN_NAMES: Record<Sex, readonly string[]> = {
  MALE: ['扎西', '次仁', '多吉', '旦增', '格桑', '平措', '洛桑', '达瓦', '尼玛', '顿珠', '索朗', '强巴'],
  FEMALE: ['卓玛', '央金', '拉姆', '德吉', '曲珍', '白玛', '措姆', '达娃', '琼达', '次珍', '格桑', '央宗'],
};

// Uyghur names: own name · father's name.
const UYGHUR_NAMES: Record<Sex, readonly string[]> = {
  MALE: ['买买提', '艾力', '阿不都', '吐尔逊', '艾克拜尔', '热合曼', '努尔', '阿里木', '亚森', '伊力'],
  FEMALE: ['古丽', '阿依古丽', '热依拉', '帕提古丽', '米娜', '努尔古丽', '阿依努尔', '再努尔'],
};

function eraOf(birthYear: number): Era {
  if (birthYear < 1960) return 0;
  if (birthYear < 1980) return 1;
  if (birthYear < 2000) return 2;
  return 3;
}

export function drawName(random: Random, surname: string, ethnicity: string, sex: Sex, birthYear: number): string {
  if (ethnicity === '藏族') {
    const first = random.pick(TIBETAN_NAMES[sex]);
    if (!random.chance(0.6)) return first;
    const second = random.pick(TIBETAN_NAMES[sex]);
    return second === first ? first : first + second;
  }
  if (ethnicity === '维吾尔族') {
    return `${random.pick(UYGHUR_NAMES[sex])}·${random.pick(UYGHUR_NAMES.MALE)}`;
  }
  return surname + random.pick(HAN_GIVEN_NAMES[eraOf(birthYear)][sex]);
}
