import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployFiles, differences } from './deploy-files';

describe('generated deployment files', () => {
  it('are committed as generated (run `pnpm --filter @gametriggers/deploy generate` after changing the tables)', () => {
    expect(differences(deployFiles())).toEqual({ stale: [], leftOver: [] });
  });

  it('tell a changed file and a manifest no longer generated', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'deploy-files-'));
    const files = { 'deploy/k8s/base/a.yaml': 'a: 1\n', 'docker-compose.yml': 'services: {}\n' };
    mkdirSync(path.join(root, 'deploy/k8s/base'), { recursive: true });
    writeFileSync(path.join(root, 'deploy/k8s/base/a.yaml'), 'a: 2\n');
    writeFileSync(path.join(root, 'deploy/k8s/base/gone.yaml'), 'b: 1\n');
    expect(differences(files, root)).toEqual({
      stale: ['deploy/k8s/base/a.yaml', 'docker-compose.yml'],
      leftOver: ['deploy/k8s/base/gone.yaml'],
    });
  });
});
