import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Noto Sans SC (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-sans-sc.
 * The TTF files are located through Node's module resolution, so no system font is needed.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

export interface FontData {
  regular: Buffer;
  bold: Buffer;
}

const require = createRequire(import.meta.url);

/** Absolute paths of the bundled TTF files (throws if the font package is not installed). */
export function resolveFontPaths(): Record<FontWeight, string> {
  return {
    regular: require.resolve(FONT_FILES.regular),
    bold: require.resolve(FONT_FILES.bold),
  };
}

let cache: Promise<FontData> | undefined;

/**
 * Reads both TTF files once per process (about 10 MB each) and keeps them in memory;
 * pdfkit embeds only the glyphs actually used (subsetting).
 */
export function loadFonts(): Promise<FontData> {
  if (!cache) {
    const paths = resolveFontPaths();
    cache = Promise.all([readFile(paths.regular), readFile(paths.bold)]).then(([regular, bold]) => ({
      regular,
      bold,
    }));
    cache.catch(() => {
      cache = undefined;
    });
  }
  return cache;
}
