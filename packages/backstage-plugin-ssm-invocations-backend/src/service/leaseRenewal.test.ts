import type { LeaseStore } from './leases';
import { keepLeaseRenewed } from './leaseRenewal';

const TTL_MS = 150; // renewed every 50 ms
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function leasesRenewing(renew: LeaseStore['renew']) {
  return {
    acquire: async () => true,
    renew: jest.fn(renew),
    release: async () => undefined,
    held: async () => true,
    close: async () => undefined,
  };
}

describe('keepLeaseRenewed', () => {
  it('renews the lease while running, with its TTL, and no more once stopped', async () => {
    const leases = leasesRenewing(async () => true);
    const stop = keepLeaseRenewed(leases, 'lease:k', 'mine', TTL_MS, jest.fn());
    await sleep(400);
    stop();
    const renewals = leases.renew.mock.calls.length;
    expect(renewals).toBeGreaterThanOrEqual(3);
    expect(leases.renew).toHaveBeenCalledWith('lease:k', 'mine', TTL_MS);
    await sleep(200);
    expect(leases.renew).toHaveBeenCalledTimes(renewals);
  });

  it('stops renewing a lease it found lost', async () => {
    const leases = leasesRenewing(async () => false);
    const stop = keepLeaseRenewed(leases, 'lease:k', 'mine', TTL_MS, jest.fn());
    await sleep(400);
    stop();
    expect(leases.renew).toHaveBeenCalledTimes(1);
  });

  it('reports a failed renewal and tries again at the next tick', async () => {
    const leases = leasesRenewing(async () => {
      throw new Error('Command timed out');
    });
    const onError = jest.fn();
    const stop = keepLeaseRenewed(leases, 'lease:k', 'mine', TTL_MS, onError);
    await sleep(400);
    stop();
    expect(onError.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(leases.renew).toHaveBeenCalledTimes(onError.mock.calls.length);
  });
});
