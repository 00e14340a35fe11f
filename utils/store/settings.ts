import { withDefaults, type Settings, type StoredSettings } from '../settings';
import type { PypiGuardDb } from './schema';

const SETTINGS_KEY = 'settings';

export async function getSettings(db: PypiGuardDb): Promise<Settings> {
  return withDefaults((await db.get('settings', SETTINGS_KEY)) as StoredSettings | undefined);
}

export async function saveSettings(db: PypiGuardDb, patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings(db)), ...patch };
  await db.put('settings', next, SETTINGS_KEY);
  return next;
}
