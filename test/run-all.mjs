// What `npm test` runs: build the renderer, run every vitest project once, then summarise.
// Plain Node on purpose, so it runs before anything is built and needs no dependency.
//
//   node test/run-all.mjs [extra vitest args]   e.g. `npm test -- --project unit`
//   SKIP_BUILD=1 npm test                        reuse out/ when only tests changed
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportFile = path.join(root, 'test-results', 'vitest.json');
const isWindows = process.platform === 'win32';

function truthy(value) {
  const v = (value ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}
const ci = truthy(process.env.CI);

function run(command, args) {
  // npm is a .cmd on Windows, which spawn only finds through a shell.
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows && command === 'npm',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main() {
  // Always rebuild: e2e tests run against out/renderer, and a stale build would test
  // yesterday's screens. It costs about 30 s.
  if (truthy(process.env.SKIP_BUILD)) {
    console.log('SKIP_BUILD set: testing the existing out/ build.');
  } else {
    const status = run('npm', ['run', 'build']);
    if (status !== 0) {
      console.error(`\nnpm run build failed (exit ${status}); no tests were run.`);
      return status;
    }
  }

  // A report left by an earlier run must never be read as this run's.
  rmSync(reportFile, { force: true });

  const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const vitestStatus = run(process.execPath, [
    vitestBin,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.relative(root, reportFile)}`,
    ...process.argv.slice(2),
  ]);

  if (!existsSync(reportFile)) {
    console.error(`\nvitest exited with ${vitestStatus} and wrote no report (${reportFile}).`);
    return vitestStatus || 1;
  }

  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems = [];
  const e2eSkipped = [];
  let e2eRan = 0;

  for (const file of report.testResults ?? []) {
    const rel = path.relative(root, file.name).split(path.sep).join('/');
    // Electron needs its own binary, which is not present everywhere; only the browser
    // tests are required to run.
    const browserE2e = rel.startsWith('test/e2e/') && !rel.startsWith('test/e2e/electron/');
    let fileFailed = 0;
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') {
        failed++;
        fileFailed++;
      } else skipped++;
      if (!browserE2e) continue;
      if (t.status === 'passed' || t.status === 'failed') e2eRan++;
      else e2eSkipped.push(`${rel} > ${t.fullName}`);
    }
    // A file that failed outside any test (an import error, a throwing beforeAll) has no
    // failed test to count, but is still a failure.
    if (file.status === 'failed' && fileFailed === 0) {
      failed++;
      problems.push(`${rel} failed outside its tests: ${file.message || 'see the output above'}`);
    }
  }

  if (ci) {
    if (e2eSkipped.length > 0) {
      problems.push(
        `CI must run every browser test, but ${e2eSkipped.length} were skipped:\n    ${e2eSkipped.join('\n    ')}`,
      );
    }
    if (e2eRan === 0) problems.push('CI must run the browser tests, but no test under test/e2e/ ran.');
  }

  if (problems.length > 0) {
    console.error('');
    for (const p of problems) console.error(`✗ ${p}`);
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);

  const ok = vitestStatus === 0 && failed === 0 && problems.length === 0;
  return ok ? 0 : vitestStatus || 1;
}

// exitCode rather than process.exit(): exiting at once can cut off output still queued for
// a pipe (Windows), and the summary line is the one thing a caller parses.
process.exitCode = main();
