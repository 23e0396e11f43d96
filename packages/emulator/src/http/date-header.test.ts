import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeMaintenanceWindowsCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startEmulator, type Emulator } from './server';

const KEY = { accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator/secret+key=1' };
const ROLE = 'arn:aws:iam::444455556666:role/ReportReader';
/** The emulator's clock runs 10 minutes ahead of the client's (beyond SigV4's 5-minute skew). */
const AHEAD_MS = 10 * 60_000;

describe('the Date header with a test clock', () => {
  let emulator: Emulator;
  const clients: Array<{ destroy(): void }> = [];
  beforeAll(async () => {
    emulator = await startEmulator({
      sigv4: { credentials: [KEY], region: 'us-east-1', now: () => Date.now() + AHEAD_MS },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await emulator.stop();
  });
  const config = () => ({ endpoint: emulator.url, region: 'us-east-1', credentials: KEY });

  it('tells the emulator’s time on every answer, refusals included', async () => {
    for (const res of [
      await fetch(emulator.url, { method: 'POST', body: '{}' }),
      await fetch(emulator.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=AssumeRole&Version=2011-06-15',
      }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      const date = Date.parse(res.headers.get('date') ?? '');
      expect(Math.abs(date - (Date.now() + AHEAD_MS))).toBeLessThan(60_000);
    }
  });

  it('lets the SDK correct its clock offset and succeed, as against AWS', async () => {
    const ssm = new SSMClient(config());
    const sts = new STSClient(config());
    clients.push(ssm, sts);
    const out = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.WindowIdentities?.length).toBeGreaterThan(0);
    expect(Math.abs(ssm.config.systemClockOffset - AHEAD_MS)).toBeLessThan(60_000);
    const role = await sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1' }));
    expect(role.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(Math.abs(sts.config.systemClockOffset - AHEAD_MS)).toBeLessThan(60_000);
  });
});
