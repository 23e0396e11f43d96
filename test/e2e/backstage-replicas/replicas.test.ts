/**
 * Two example Backstage backends with `backend.cache.store: redis` (a real redis-server), the
 * emulator behind a counting proxy: replicas share cached reports, one fetch per key among them,
 * and the finished history of a window, so a refresh costs only what can still change.
 */
import { EXAMPLE_BACKEND_STARTUP_MS } from '../../support/example-backend';
import { startReplicas, type ReplicaSetup } from '../../support/replicas';

const VIEWS = 200;

let setup: ReplicaSetup;

beforeAll(async () => {
  setup = await startReplicas(2);
}, 2 * EXAMPLE_BACKEND_STARTUP_MS);

afterAll(async () => {
  await setup?.stop();
}, 60_000);

function bothReplicas(): [ReplicaSetup['replicas'][number], ReplicaSetup['replicas'][number]] {
  const [first, second] = setup.replicas;
  if (!first || !second) throw new Error('two replicas expected');
  return [first, second];
}

it('answers from Redis on the second replica what the first fetched', async () => {
  const [first, second] = bothReplicas();
  await setup.redis.command('FLUSHALL');
  let fromFirst = '';
  const cold = await setup.ssmRequestsOf(async () => {
    fromFirst = await setup.report(first, 'payments-api');
  });
  expect(cold).toBeGreaterThan(10);
  let fromSecond = '';
  const second_ = await setup.ssmRequestsOf(async () => {
    fromSecond = await setup.report(second, 'payments-api');
  });
  expect(second_).toBe(0);
  expect(JSON.parse(fromSecond)).toEqual(JSON.parse(fromFirst));
}, 120_000);

it(`costs one fetch set for ${VIEWS} concurrent views over two replicas after expiry`, async () => {
  const [first, second] = bothReplicas();
  await setup.redis.command('FLUSHALL');
  const oneFetchSet = await setup.ssmRequestsOf(() => setup.report(first, 'payments-api'));

  // Everything expired (reports and history): the burst is as cold as that one fetch.
  await setup.redis.command('FLUSHALL');
  const burst = await setup.ssmRequestsOf(() =>
    Promise.all(
      Array.from({ length: VIEWS }, (_, index) =>
        setup.report(index % 2 === 0 ? first : second, 'payments-api'),
      ),
    ),
  );
  expect(burst).toBeLessThanOrEqual(1.1 * oneFetchSet);

  // Only the reports expired, the finished history kept: the burst costs one warm refresh.
  await setup.expireReports();
  const oneRefresh = await setup.ssmRequestsOf(() => setup.report(second, 'payments-api'));
  await setup.expireReports();
  const warmBurst = await setup.ssmRequestsOf(() =>
    Promise.all(
      Array.from({ length: VIEWS }, (_, index) =>
        setup.report(index % 2 === 0 ? second : first, 'payments-api'),
      ),
    ),
  );
  expect(warmBurst).toBeLessThanOrEqual(1.1 * oneRefresh);
}, 240_000);

it('refreshes a window whose executions all finished for at most 0.2 × the cold fetch set', async () => {
  const [first, second] = bothReplicas();
  await setup.redis.command('FLUSHALL');
  // inventory-db's window: five executions, all finished (SUCCESS, FAILED, TIMED_OUT).
  const cold = await setup.ssmRequestsOf(() => setup.report(first, 'inventory-db'));
  await setup.expireReports();
  const byOperationBefore = setup.proxy.byOperation();
  // The other replica refreshes: the history one replica wrote serves every replica.
  const warm = await setup.ssmRequestsOf(() => setup.report(second, 'inventory-db'));
  expect(warm).toBeLessThanOrEqual(0.2 * cold);
  const byOperationAfter = setup.proxy.byOperation();
  const refreshed = Object.keys(byOperationAfter).filter(
    (operation) => byOperationAfter[operation] !== byOperationBefore[operation],
  );
  expect(refreshed.sort()).toEqual(['DescribeMaintenanceWindowExecutions', 'GetMaintenanceWindow']);
}, 120_000);
