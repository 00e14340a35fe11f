import { LOOKALIKE_PROBE_ID, type LookalikeOptInApi } from '@/utils/prompts/lookalike/opt-in';

/** A browser with the permission and the registration as plain state, and a log of calls. */
export function fakeOptInApi(start: { access?: boolean; registered?: boolean; grants?: boolean; releaseFails?: boolean } = {}) {
  const state = { access: start.access ?? false, registered: start.registered ?? false };
  const calls: string[] = [];
  const api: LookalikeOptInApi = {
    requestAccess: async () => (calls.push('request'), (state.access ||= start.grants ?? true)),
    hasAccess: async () => state.access,
    releaseAccess: async () => {
      calls.push('release');
      if (start.releaseFails) throw new Error('You cannot remove required permissions.');
      state.access = false;
      return true;
    },
    isRegistered: async () => state.registered,
    register: async () => {
      calls.push('register');
      if (state.registered) throw new Error(`Duplicate script ID '${LOOKALIKE_PROBE_ID}'`);
      state.registered = true;
    },
    unregister: async () => {
      calls.push('unregister');
      state.registered = false;
    },
  };
  return { api, state, calls };
}
