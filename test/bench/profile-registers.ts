// npx tsx test/bench/profile-registers.ts [--data-dir .data/bench-100000] [--calls 2000]
//
// The CPU time of each register's list (orders, 强制报告, 宣讲, 救助, 支持起诉), the same inputs
// the bench cycles through, through the core's dispatcher. On a machine shared with other work
// the bench's p95 is mostly the others' noise; the process's own CPU time per call is what the
// list costs, and comparing it at 10,000 and 100,000 children says how it grows.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../db/api/core';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: path.join('.data', 'bench-100000') },
    calls: { type: 'string', default: '2000' },
  },
});

const REGISTERS: Array<[string, string, (i: number) => unknown]> = [
  [
    'guardianship orders list (by status)',
    'orders.list',
    (i) => ({ status: (['open', 'observing', 'closed', 'all'] as const)[i % 4] }),
  ],
  [
    'mandatory reports register (by view, trigger, period)',
    'mandatoryReports.list',
    (i) => ({
      status: (['open', 'verifying', 'closed', 'all'] as const)[i % 4],
      trigger: i % 3 === 0 ? String((i % 9) + 1) : null,
      from: i % 2 === 0 ? '2025-01-01' : null,
      offset: (i % 2) * 50,
    }),
  ],
  [
    'outreach register (by status, topic, township)',
    'outreach.list',
    (i) => ({
      status: (['all', 'held', 'planned'] as const)[i % 3],
      topic: i % 4 === 0 ? 'bullying' : null,
      township: i % 5 === 0 ? '济阳街道' : null,
      from: i % 2 === 0 ? '2026-01-01' : null,
    }),
  ],
  [
    '国家司法救助 list (by status and year)',
    'relief.list',
    (i) => ({
      status: (['open', 'reviewing', 'paid', 'closed', 'all'] as const)[i % 5],
      year: i % 3 === 0 ? new Date().getFullYear() : null,
    }),
  ],
  [
    '支持起诉 list (by status and kind)',
    'suits.list',
    (i) => ({
      status: (['open', 'issued', 'filed', 'decided', 'all'] as const)[i % 5],
      kind: (['all', 'revoke', 'change'] as const)[i % 3],
    }),
  ],
];

async function main() {
  const calls = Number(values.calls);
  const core = createCore({
    dataDir: path.resolve(values['data-dir'], 'data'),
    migrationsDir: path.resolve('db/migrations'),
    log: () => {},
  });
  const signIn = await core.invoke('session.signIn', {
    username: ADMIN_USERNAME,
    passphrase: process.env.SUNWARD_SEED_PASSPHRASE || DEFAULT_PASSPHRASE,
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
  console.log(`${values['data-dir']}: ${calls} calls each, CPU time of this process per call`);
  for (const [op, method, input] of REGISTERS) {
    const run = async (i: number) => {
      const r = await core.invoke(method, input(i));
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    };
    for (let i = 0; i < 100; i++) await run(i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await run(i);
    const wall = (performance.now() - t0) / calls;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000 / calls;
    console.log(`  ${op.padEnd(56)} cpu ${cpu.toFixed(3)} ms/call   wall ${wall.toFixed(3)} ms/call`);
  }
  core.close();
}

await main();
