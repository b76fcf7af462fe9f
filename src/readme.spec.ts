import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The README is the newcomer's only guide (issue 14.6): it must not send readers to documents that
 * are not in the repository, must define every coverage indicator the API returns, name the Node
 * version the project is tested on and explain the install warnings, and document every variable.
 */
const ROOT = resolve(import.meta.dirname, '..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('points to no document outside the repository', () => {
    expect(readme).not.toMatch(/SPEC|\/work\/shared|STYLE\.md|STACK\.md/);
  });

  it('defines every coverage indicator itself', () => {
    const coverage = readme.slice(readme.indexOf('- **Coverage.**'));
    for (const key of [
      'withFiles',
      'reachedServices',
      'share',
      'target',
      'byService',
      'postRehab.supervised',
      'postRehab.supported',
      'detention.held',
      'detention.treated',
      'children',
      'peopleWithFiles',
      'filesPer1000',
      'drugComplexCriterion',
    ]) {
      expect({ key, defined: coverage.includes(`\`${key}\``) }).toEqual({ key, defined: true });
    }
  });

  it('names the Node version tested and what the EBADENGINE warnings mean', () => {
    expect(readme).toMatch(/Node 20\.x/);
    expect(readme).toMatch(/EBADENGINE/);
  });

  it('documents every configuration variable the service reads', () => {
    const config = readFileSync(resolve(ROOT, 'src/config/config.ts'), 'utf8');
    const names = [...config.matchAll(/\(env, '([A-Z0-9_]+)'/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Roles'));
    for (const name of new Set(names)) expect({ name, documented: table.includes(`\`${name}\``) }).toEqual({ name, documented: true });
  });
});
