import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'ra-core';
import zh from './zh';
import en from './en';

export const DEFAULT_LOCALE = 'zh';
export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

// The chosen language survives sign-out (react-admin resets its own store on logout).
const LOCALE_KEY = 'kaoping.locale';
const storedLocale = (): string => {
  try {
    const l = window.localStorage.getItem(LOCALE_KEY);
    return l && LOCALES.some(x => x.locale === l) ? l : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
};

// Both message files are small (≈ 5 kB gzip together), so both are bundled: the initial locale
// must be available synchronously, and it may be English.
const htmlLang = (locale: string) => (locale === 'zh' ? 'zh-CN' : locale);
// The page's language follows the stored choice from the first render (screen readers, axe's html-lang checks).
document.documentElement.lang = htmlLang(storedLocale());

const polyglot = polyglotI18nProvider(locale => (locale === 'en' ? en : zh), storedLocale(), LOCALES, {
  allowMissing: true,
});

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    try {
      window.localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    document.documentElement.lang = htmlLang(locale);
  },
};

/** Translate outside React (data provider errors, error boundary) in the current locale. */
export const t = (key: string, options?: Record<string, unknown>): string => i18nProvider.translate(key, options);
