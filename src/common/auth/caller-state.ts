import type { Actor } from './actor.js';

/**
 * Who a request's caller is now, checked against their account and login on every request (a
 * deactivated user or a revoked login is refused at once, even with an unexpired token). Provided
 * by the auth module under CALLER_STATE; `common/` knows only this interface.
 */
export interface CallerState {
  /** The caller if still active and the login (`sessionId`) not revoked; null otherwise. */
  active(userId: string, sessionId: string, req: { ip?: string | null; requestId?: string | null }): Promise<Actor | null>;
}

export const CALLER_STATE = Symbol('CALLER_STATE');
