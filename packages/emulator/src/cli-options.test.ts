import { CliUsageError, parseCliArgs } from './cli-options';

describe('parseCliArgs', () => {
  it('defaults to the demo seed on a free loopback port', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      verbose: false,
      options: { port: 0, host: '127.0.0.1', seed: 'demo' },
    });
  });

  it('maps every flag onto the options', () => {
    const command = parseCliArgs([
      '--port',
      '4580',
      '--host',
      '0.0.0.0',
      '--seed',
      'bench',
      '--windows',
      '2',
      '--invocations-per-task',
      '120',
      '--latency',
      '25',
      '--jitter',
      '10',
      '--throttle-rps',
      '20',
      '--throttle-burst',
      '5',
      '--retry-after-ms',
      '250',
      '--failure-rate',
      '0.1',
      '--reset-rate',
      '0.05',
      '--malformed-rate',
      '0.01',
      '--repeat-token',
      '--fault-seed',
      'ci',
      '--live',
      '--tick-ms',
      '1000',
      '--new-execution-every',
      '2',
      '--sigv4-key',
      'AKID:secret',
      '--sigv4-key',
      'AKID2:s2:token:with:colons',
      '--sigv4-region',
      'eu-west-1',
      '--verbose',
    ]);
    expect(command).toEqual({
      help: false,
      verbose: true,
      options: {
        port: 4580,
        host: '0.0.0.0',
        seed: 'bench',
        seedOptions: {
          windows: 2,
          invocationsPerTask: 120,
          executionsPerWindow: undefined,
          tasksPerExecution: undefined,
          anchor: undefined,
        },
        faults: {
          latencyMs: 25,
          jitterMs: 10,
          failureRate: 0.1,
          resetRate: 0.05,
          malformedRate: 0.01,
          repeatToken: true,
          seed: 'ci',
          throttle: { requestsPerSecond: 20, burst: 5, retryAfterMs: 250 },
        },
        live: { tickMs: 1000, newExecutionEveryTicks: 2 },
        sigv4: {
          region: 'eu-west-1',
          credentials: [
            { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: undefined },
            { accessKeyId: 'AKID2', secretAccessKey: 's2', sessionToken: 'token:with:colons' },
          ],
        },
      },
    });
  });

  it('takes a fixture instead of a seed', () => {
    const command = parseCliArgs(['--fixture', 'windows.yaml']);
    expect(command.help === false && command.options).toEqual({
      port: 0,
      host: '127.0.0.1',
      fixture: 'windows.yaml',
    });
  });

  it.each([
    [['--port', '70000'], '--port must be a port from 0 to 65535'],
    [['--failure-rate', '1.5'], '--failure-rate must be a share from 0 to 1'],
    [['--seed', 'a', '--fixture', 'b'], '--seed and --fixture cannot be combined'],
    [['--tick-ms', '10'], '--tick-ms and --new-execution-every need --live'],
    [['--throttle-burst', '3'], '--throttle-burst and --retry-after-ms need --throttle-rps'],
    [['--sigv4-region', 'x'], '--sigv4-region needs --sigv4-key'],
    [['--nope'], "Unknown option '--nope'"],
    [['--latency', '2147483648'], '--latency must be a number of ms from 0 to 2147483647'],
    [['--jitter', '1e12'], '--jitter must be a number of ms from 0 to 2147483647'],
    [['--control-token', 'short'], '--control-token must be at least 8 characters'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('passes a control token through, never echoing it in errors', () => {
    const command = parseCliArgs(['--host', '0.0.0.0', '--control-token', 'sekrit-token-1']);
    expect(command).toMatchObject({ options: { host: '0.0.0.0', controlToken: 'sekrit-token-1' } });
    expect(() => parseCliArgs(['--control-token', 'abc'])).not.toThrow(/abc/);
  });

  it('never echoes a malformed SigV4 key', () => {
    expect(() => parseCliArgs(['--sigv4-key', 'only-a-secret-value'])).toThrow(
      /^--sigv4-key #1 must look like ACCESS_KEY_ID:SECRET\[:SESSION_TOKEN\]$/,
    );
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });
});
