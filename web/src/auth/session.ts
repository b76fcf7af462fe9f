import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import type { TokenPair, User } from '../api/types';

/**
 * The login lives here and nowhere else: the access token in this module's memory only, the
 * refresh token in an HttpOnly cookie the page cannot read. Nothing goes to localStorage or
 * sessionStorage, so closing the tab or an idle sign-out leaves nothing in the browser.
 */
export type SessionStatus = 'loading' | 'signedOut' | 'signedIn' | 'expired';
export type SignOutReason = 'idle' | 'user' | undefined;

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  signedOutBecause?: SignOutReason;
}

const auth = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

let token: string | null = null;
let state: SessionState = { status: 'loading', user: null };
const listeners = new Set<() => void>();
let renewing: Promise<void> | null = null;
let waitingForSignIn: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

function set(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

function accept(pair: TokenPair): void {
  token = pair.accessToken;
  set({ status: 'signedIn', user: pair.user });
}

export class SignInError extends Error {
  constructor(readonly status: number) {
    super(`sign-in refused (${status})`);
  }
}

/** Trades the refresh cookie for a new access token; false when there is no usable cookie. */
async function refresh(): Promise<TokenPair | null> {
  try {
    const { data, response } = await auth.POST('/api/v1/auth/refresh', { body: {} });
    return response.ok ? (data as unknown as TokenPair) : null;
  } catch {
    return null;
  }
}

export const session = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(): SessionState {
    return state;
  },
  accessToken(): string | null {
    return token;
  },

  /** On page load: a refresh cookie from this browser's earlier sign-in continues it. */
  async restore(): Promise<void> {
    const pair = await refresh();
    if (pair) accept(pair);
    else set({ status: 'signedOut', user: null });
  },

  async signIn(username: string, password: string): Promise<User> {
    const { data, response } = await auth.POST('/api/v1/auth/login', { body: { username, password } });
    if (!response.ok) throw new SignInError(response.status);
    const pair = data as unknown as TokenPair;
    const previous = state.user;
    if (state.status === 'expired' && previous && previous.id !== pair.user.id) {
      // Someone else signed in over an expired session: the first user's pending work is not theirs.
      for (const w of waitingForSignIn) w.reject(new Error('signed in as another user'));
      waitingForSignIn = [];
    }
    accept(pair);
    for (const w of waitingForSignIn) w.resolve();
    waitingForSignIn = [];
    return pair.user;
  },

  /**
   * Called on a 401: the refresh cookie first; if that is gone too, the sign-in dialog opens over
   * the screen and this waits until the user has signed in again. One renewal at a time.
   */
  renew(): Promise<void> {
    renewing ??= (async () => {
      const pair = await refresh();
      if (pair) return accept(pair);
      token = null;
      set({ status: 'expired', user: state.user });
      await new Promise<void>((resolve, reject) => waitingForSignIn.push({ resolve, reject }));
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  },

  async signOut(reason: SignOutReason = 'user'): Promise<void> {
    const current = token;
    token = null;
    for (const w of waitingForSignIn) w.reject(new Error('signed out'));
    waitingForSignIn = [];
    set({ status: 'signedOut', user: null, signedOutBecause: reason });
    if (current) {
      // Revokes the login on the server and clears the cookie; a failure here changes nothing on screen.
      await auth.POST('/api/v1/auth/logout', { headers: { authorization: `Bearer ${current}` } }).catch(() => undefined);
    }
  },
};
