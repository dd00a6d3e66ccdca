/**
 * The dependency tree installs without engine warnings on the Node versions the README and package.json
 * name: every package in the lock file that states `engines.node` accepts the lowest version of each range
 * of our own `engines` (what npm compares in `npm ci`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
type Lock = { packages: Record<string, { engines?: { node?: string } | string[]; version?: string }> };

describe('engines', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lowestOfEach = pkg.engines.node.split('||').map((range) => semver.minVersion(range.trim())?.version ?? `bad range ${range}`);

  it('the README names the lowest version package.json accepts', () => {
    const named = /Node (\d+)\.(\d+) or later/.exec(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(named, 'the README names the Node version').not.toBeNull();
    expect(semver.minVersion(pkg.engines.node)?.version).toBe(`${named?.[1]}.${named?.[2]}.0`);
  });

  it.each(lowestOfEach)('every locked package accepts Node %s', (version) => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
    const refusing = Object.entries(lock.packages)
      .flatMap(([path, p]) => (path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node ? [{ path, version: p.version, node: p.engines.node }] : []))
      .filter((p) => !semver.satisfies(version, p.node))
      .map((p) => `${p.path}@${p.version} wants node ${p.node}`);
    expect(refusing).toEqual([]);
  });
});
