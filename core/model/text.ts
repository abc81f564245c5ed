import { z } from 'zod';

/** Every user-facing text in the knowledge base exists in both languages. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const Bilingual = z.object({
  zh: z.string().max(20_000),
  en: z.string().max(20_000),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** A bilingual text in which at least one language is filled in. */
export const RequiredBilingual = Bilingual.refine((t) => t.zh.trim() !== '' || t.en.trim() !== '', {
  message: 'needs text in at least one language',
});

export const emptyText = (): Bilingual => ({ zh: '', en: '' });

/** The text in the wanted language, falling back to the other one so nothing shows blank. */
export function pick(text: Bilingual, lang: Language): string {
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  return text[lang].trim() !== '' ? text[lang] : text[other];
}
