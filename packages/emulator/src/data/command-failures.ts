/**
 * The stderr, exit code and leading stdout of realistic Run Command failures: package managers
 * (yum/dnf, apt), scripts exiting non-zero (shell and PowerShell), patch baseline errors. The
 * texts follow what these tools print; the SSM agent's own trailer (`failed to run commands:
 * exit status N`) is added by the caller. Deterministic for a given random source.
 */
import { randomInt, randomPick, type RandomSource } from './random-picks';

/** A failing script's visible result. */
export interface ScriptFailure {
  exitCode: number;
  /** What the script printed before it failed. */
  stdoutPrefix: string;
  stderr: string;
}

const PACKAGES = [
  'nginx',
  'openssl',
  'kernel-devel',
  'postgresql15',
  'docker',
  'amazon-cloudwatch-agent',
];

function packageManagerFailure(random: RandomSource): ScriptFailure {
  const pkg = randomPick(random, PACKAGES);
  const pid = randomInt(random, 900, 32_000);
  return randomPick<ScriptFailure>(random, [
    {
      exitCode: 100,
      stdoutPrefix:
        'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: `E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process ${pid} (unattended-upgr)\nN: Be aware that removing the lock file is not a solution and may break your system.\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?`,
    },
    {
      exitCode: 100,
      stdoutPrefix: 'Reading package lists...\nBuilding dependency tree...\n',
      stderr: `E: Unable to locate package ${pkg}-full`,
    },
    {
      exitCode: 1,
      stdoutPrefix: 'Last metadata expiration check: 0:00:12 ago.\n',
      stderr: `Error: Failed to download metadata for repo 'amazonlinux': Cannot download repomd.xml: Curl error (28): Timeout was reached for https://al2023-repos-us-east-1-de612dc2.s3.dualstack.us-east-1.amazonaws.com/core/mirrors/latest/x86_64/mirror.list [Connection timed out after 30001 milliseconds]`,
    },
    {
      exitCode: 1,
      stdoutPrefix:
        'Loaded plugins: extras_suggestions, langpacks, priorities, update-motd\nResolving Dependencies\n',
      stderr: `Error: Package: ${pkg}-1.24.0-1.amzn2.x86_64 (amzn2-core)\n           Requires: libcrypto.so.3()(64bit)\n You could try using --skip-broken to work around the problem\n You could try running: rpm -Va --nofiles --nodigest`,
    },
  ]);
}

function scriptExitFailure(random: RandomSource, windows: boolean, path: string): ScriptFailure {
  const line = randomInt(random, 2, 40);
  if (windows) {
    return randomPick<ScriptFailure>(random, [
      {
        exitCode: 1,
        stdoutPrefix: 'Stopping service W3SVC...\n',
        stderr: `Restart-Service : Service 'World Wide Web Publishing Service (W3SVC)' cannot be started due to the following error: Cannot start service W3SVC on computer '.'.\nAt ${path}:${line} char:1\n+ Restart-Service -Name W3SVC -Force\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : OpenError: (System.ServiceProcess.ServiceController:ServiceController) [Restart-Service], ServiceCommandException\n    + FullyQualifiedErrorId : CouldNotStartService,Microsoft.PowerShell.Commands.RestartServiceCommand`,
      },
      {
        exitCode: randomPick(random, [1, 2, 5]),
        stdoutPrefix: '',
        stderr: `Copy-Item : Access to the path 'D:\\app\\current\\appsettings.json' is denied.\nAt ${path}:${line} char:1\n    + CategoryInfo          : PermissionDenied: (D:\\app\\current\\appsettings.json:FileInfo) [Copy-Item], UnauthorizedAccessException`,
      },
    ]);
  }
  return randomPick<ScriptFailure>(random, [
    {
      exitCode: 127,
      stdoutPrefix: 'Draining node from the load balancer...\n',
      stderr: `${path}: line ${line}: app-healthcheck: command not found`,
    },
    {
      exitCode: 1,
      stdoutPrefix: 'Restarting app.service\n',
      stderr: `Job for app.service failed because the control process exited with error code.\nSee "systemctl status app.service" and "journalctl -xeu app.service" for details.`,
    },
    {
      exitCode: 2,
      stdoutPrefix: 'Checking free space\n',
      stderr: `df: /mnt/data: No such file or directory\n${path}: line ${line}: [: -lt: unary operator expected`,
    },
    {
      exitCode: randomPick(random, [1, 3, 4]),
      stdoutPrefix: '',
      stderr: `tar: /var/backups/app-$(date +%F).tar.gz: Cannot open: No space left on device\ntar: Error is not recoverable: exiting now`,
    },
  ]);
}

/** `YYYY-MM-DD HH:MM:SS` (UTC), as patch baseline operations log. */
function logTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function patchBaselineFailure(random: RandomSource, startedAt?: Date): ScriptFailure {
  const minute = randomInt(random, 10, 59);
  const second = randomInt(random, 10, 59);
  // A few seconds into the run when its start is known, else a fixed sample time.
  const when = startedAt
    ? logTime(new Date(startedAt.getTime() + (1 + (second % 4)) * 1000))
    : `2026-11-28 20:${String(minute)}:${String(second)}`;
  return randomPick<ScriptFailure>(random, [
    {
      exitCode: 1,
      stdoutPrefix: '/usr/bin/python3\n/usr/bin/dnf\nUsing DNF version: 4.14.0\n',
      stderr: `${when},419 ERROR Error code returned from dnf: 1\n${when},420 ERROR Failed to install package: kernel-6.1.115-126.197.amzn2023.x86_64. Error: Transaction test error:\n  installing package kernel-6.1.115-126.197.amzn2023.x86_64 needs 38MB more space on the /boot filesystem`,
    },
    {
      exitCode: 1,
      stdoutPrefix: '/usr/bin/python3\n/usr/bin/yum\n',
      stderr: `Traceback (most recent call last):\n  File "/var/log/amazon/ssm/patch-baseline-operations/common_startup_entrance.py", line 128, in execute\n    snapshot = get_snapshot(instance_id, snapshot_id)\nbotocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetDeployablePatchSnapshotForInstance operation: User is not authorized to perform: ssm:GetDeployablePatchSnapshotForInstance`,
    },
    {
      exitCode: 1,
      stdoutPrefix: '',
      stderr: `${when},102 ERROR Unable to download payload: https://s3.dualstack.us-east-1.amazonaws.com/aws-ssm-us-east-1/patchbaselineoperations/linux/payloads/patch-baseline-operations-1.213.tar.gz. Exception: [Errno -3] Temporary failure in name resolution`,
    },
  ]);
}

/**
 * A failing script for a failure kind that runs something (`package-manager`, `script-exit`,
 * `patch-baseline`): its exit code, what it printed first and its stderr. Log lines carry times a
 * few seconds after `startedAt` when given.
 */
export function failureScript(
  random: RandomSource,
  failure: 'package-manager' | 'script-exit' | 'patch-baseline',
  windows: boolean,
  path: string,
  startedAt?: Date,
): ScriptFailure {
  if (failure === 'package-manager') return packageManagerFailure(random);
  if (failure === 'patch-baseline') return patchBaselineFailure(random, startedAt);
  return scriptExitFailure(random, windows, path);
}
