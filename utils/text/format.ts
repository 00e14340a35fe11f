import { t, uiLanguage } from './messages';

/**
 * The one date style of PyPI Guard's own pages, prompts and notifications: the reader's locale's
 * own format (Intl), a medium date and a short time — "Dec 3, 2026, 3:15 AM" in American English,
 * "3. Dez. 2026, 03:15" in German — never "12/3/2026, 3:15:30 AM". `locale` defaults to the
 * language PyPI Guard speaks (uiLanguage: the browser's UI language, as its catalogue has it);
 * tests pass one.
 *
 * Text written for PyPI's admins (the account-recovery request, the evidence kit) keeps ISO dates
 * (2026-12-03): its reader's locale is unknown, and ISO cannot be misread.
 */

const DAY_MS = 86_400_000;

/**
 * Intl's formatters, one per kind and locale: making one loads the locale's data, milliseconds
 * each time, and a list of history rows formats a date and names a country per row.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.DisplayNames | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.DisplayNames | Intl.NumberFormat>(kind: string, requested: string | undefined, make: (locale: string) => T): T {
  // No locale asked for: the extension's UI language, as the rest of the text.
  const locale = requested ?? uiLanguage();
  const key = `${kind}|${locale}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make(locale)));
  return made;
}

/** "Dec 3, 2026". */
export function formatDate(at: number, locale?: string): string {
  return formatter('date', locale, (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' })).format(at);
}

/** "Dec 3, 2026, 3:15 AM". */
export function formatDateTime(at: number, locale?: string): string {
  return formatter('date-time', locale, (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })).format(at);
}

/** A length of time in the locale's words: "45 seconds", "2 Minuten", "3 時間". */
export function formatDuration(value: number, unit: 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year', locale?: string): string {
  return formatter(`duration-${unit}`, locale, (tag) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' })).format(value);
}

/** Whole 24-hour periods from `then` to `now`, rounded down ("181 days ago"); the same in every time zone. */
export function daysBetween(then: number, now: number): number {
  return Math.floor((now - then) / DAY_MS);
}

/** "today", "yesterday", "3 days ago" (or "in 2 days"), in the locale's own words. */
export function formatDaysAgo(then: number, now: number, locale?: string): string {
  return new Intl.RelativeTimeFormat(locale ?? uiLanguage(), { numeric: 'auto' }).format(-daysBetween(then, now), 'day');
}

/** A two-letter ISO 3166 country code as the locale names it ("NG" → "Nigeria"); undefined when unknown. */
export function countryName(code: string, locale?: string): string | undefined {
  // ZZ is CLDR's "Unknown Region": no country to name.
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return undefined;
  try {
    return formatter('region', locale, (tag) => new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' })).of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A region code as PyPI prints one: upper-case letters or digits ("LA", "VIC", "11"). */
const REGION_CODE = /^[A-Z0-9]{1,3}$/;

/**
 * PyPI's location text (GeoIPInfo.display: "City, REGION, CC", "City, REGION", "City, CC",
 * "REGION, CC", a country's name, or the raw IP address) made readable: the country named, the
 * region code (which means little to a reader) left out — "Lagos, LA, NG" → "Lagos, Nigeria",
 * "LA, NG" → "Nigeria". "City, XX" stays as PyPI wrote it: XX may be a region or a country.
 * Anything else ("Redacted", an address) is shown as it is.
 */
export function formatPlace(location: string, locale?: string): string {
  const parts = location.split(',').map((part) => part.trim());
  if (parts.length === 3 && parts.every(Boolean)) {
    const [city, , code] = parts as [string, string, string];
    const country = countryName(code, locale);
    if (country) return t('place_city_country', { city, country });
  }
  if (parts.length === 2 && REGION_CODE.test(parts[0]!)) {
    const country = countryName(parts[1]!, locale);
    if (country) return country;
  }
  return location.trim();
}

/**
 * PyPI's device text (UserAgentInfo.display) as a phrase: "Chrome (Windows)" → "Chrome on
 * Windows"; "Safari (Mac OS X on Mac)" → "Safari on Mac (Mac OS X)"; "twine (CPython on Linux)"
 * → "twine on Linux (CPython)". A part PyPI could not tell ("Other") is left out. Anything else
 * ("Unknown Browser", "No User-Agent") is shown as it is.
 */
export function formatDevice(device: string): string {
  const text = device.trim();
  const withDetail = /^(.+?) \((.+) on (.+)\)$/.exec(text);
  if (withDetail) {
    const [, app, detail, on] = withDetail as unknown as [string, string, string, string];
    if (on === 'Other') return t('device_app_on_platform', { app, platform: detail });
    if (detail === 'Other') return t('device_app_on_platform', { app, platform: on });
    return t('device_app_on_device_detail', { app, device: on, detail });
  }
  const simple = /^(.+?) \(([^()]+)\)$/.exec(text);
  if (simple && simple[2] !== 'Other') return t('device_app_on_platform', { app: simple[1]!, platform: simple[2]! });
  if (simple) return simple[1]!;
  return text;
}

/** Where and on what a security-history event happened: "Lagos, Nigeria · Chrome on Windows" (either part may be missing). */
export function formatPlaceAndDevice(event: { location?: string; device?: string }, locale?: string): string {
  const place = event.location?.trim() ? formatPlace(event.location, locale) : '';
  const device = event.device?.trim() ? formatDevice(event.device) : '';
  if (place && device) return t('event_place_and_device', { place, device });
  return place || device;
}
