import polyglotI18nProvider from 'ra-i18n-polyglot';
import zh from './zh';

export const DEFAULT_LOCALE = 'zh';

// Chinese is bundled (the default); English is a separate chunk loaded when chosen.
// react-admin's store remembers the chosen locale in localStorage.
export const i18nProvider = polyglotI18nProvider(
  locale => (locale === 'en' ? import('./en').then(m => m.default) : zh),
  DEFAULT_LOCALE,
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

/** Translate outside React (data provider errors, error boundary) in the current locale. */
export const t = (key: string, options?: Record<string, unknown>): string => i18nProvider.translate(key, options);
