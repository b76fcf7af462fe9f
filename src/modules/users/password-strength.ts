import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from './passwords.js';

/** zxcvbn's 0-4 scale: 3 is "safely unguessable" against an online attack, the floor here. */
export const PASSWORD_MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Whether a password resists guessing: zxcvbn with its common-password, names and keyboard-pattern
 * lists (the maintained @zxcvbn-ts language-common package). `aaaaaaaaaa`, `password12` and
 * `qwertyuiop` score 0-1. `related` (the username, say) counts as known to an attacker.
 */
export function isGuessable(password: string, related: string[] = []): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // zxcvbn's cost grows with length; past 100 characters a password is long enough.
  if (password.length > 100) return false;
  return estimator.check(password, related.filter(Boolean)).score < PASSWORD_MIN_SCORE;
}

/** class-validator rule: refuses a guessable password with a message naming the field. */
export function NotGuessable(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notGuessable',
      validator: {
        validate: (value: unknown, args) => {
          // The type and length rules speak for those.
          if (typeof value !== 'string' || value.length < PASSWORD_MIN_LENGTH) return true;
          const username = (args?.object as { username?: unknown } | undefined)?.username;
          return !isGuessable(value, typeof username === 'string' ? [username] : []);
        },
        defaultMessage: () => 'password is too easy to guess (a common password, a repetition or a keyboard pattern); use a longer passphrase',
      },
    },
    options,
  );
}
