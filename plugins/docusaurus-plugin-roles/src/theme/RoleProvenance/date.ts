/** Review dates written out in the site's language ("14 March 2025", "14 de marzo de 2025"). */
import {useMemo} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

/**
 * Formats a `YYYY-MM-DD` date as the current locale writes dates, the same
 * on the server and in the browser (the day is fixed in UTC, so no time zone
 * moves it); a malformed date is shown as written.
 */
export function useReviewDateFormat(): (date: string) => string {
  const {i18n} = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  return useMemo(() => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'});
    } catch {
      format = new Intl.DateTimeFormat(undefined, {dateStyle: 'long', timeZone: 'UTC'});
    }
    return (date) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      return match ? format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : date;
    };
  }, [lang]);
}
