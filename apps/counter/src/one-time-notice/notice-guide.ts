import { citizenText, describeMaterial, sixNotices, type CatalogItem, type SixNoticeSection } from '@onewindow/catalog';
import type { SixNotices } from '@onewindow/notice-pdf';

export type { SixNoticeSection, SixNotices };

/**
 * The 六告知 snapshot kept with a notice: the catalog's sections (for screens) and the same
 * content in the shape the PDF prints. Editorial remarks are already stripped by sixNotices.
 */
export function noticeGuide(item: CatalogItem): { sections: SixNoticeSection[]; print: SixNotices } {
  const sections = sixNotices(item);
  const lines = (key: SixNoticeSection['key']) => sections.find((s) => s.key === key)?.lines ?? [];
  return {
    sections,
    print: {
      serviceItem: lines('SERVICE_ITEM').join('\n'),
      materials: item.materials.length ? item.materials.map(describeMaterial) : ['无需提交纸质材料。'],
      fee: lines('FEE').join('；'),
      process: item.processSteps.map(citizenText),
      timeLimit: lines('TIME_LIMIT').join('；'),
      supervision: lines('SUPERVISION').join('；'),
    },
  };
}
