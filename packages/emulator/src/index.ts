/**
 * `@ssm-invocations/emulator`: a local AWS Systems Manager stand-in for the nine
 * maintenance-window operations and their Run Command / Automation follow-ups
 * (ListCommandInvocations, GetCommandInvocation, GetAutomationExecution), for tests, benchmarks
 * and demos. Start it with
 * {@link startEmulator} and point the unmodified SDK at its `url`.
 */
export { startEmulator, type Emulator } from './http/server';
export {
  EmulatorOptionsError,
  type EmulatorOptions,
  type EmulatorLogger,
} from './http/emulator-options';
export {
  createSeededStore,
  DEFAULT_SEED_ANCHOR,
  REFERENCE_SEED_ANCHOR,
  seedAnchorAt,
  SeedOptionsError,
  type SeedOptions,
} from './data/seeds';
export {
  DEMO_OWNERSHIP_TAG_KEY,
  DEMO_WINDOW_IDS,
  demoWindowTags,
  demoWindows,
  type DemoWindow,
} from './data/demo-windows';
export type { GeneratedSeedSize } from './data/generated-seed';
export type { SeededStore, WindowBlueprint } from './data/seed-history';
export {
  loadFixture,
  loadFixtureFile,
  type Fixture,
  type FixtureWindow,
  type FixtureExecution,
  type FixtureTask,
  type FixtureInvocation,
  type FixtureTime,
} from './data/fixture';
export { FixtureError } from './data/fixture-fields';
export {
  EmulatorStore,
  StoreIntegrityError,
  type EmulatorWindow,
  type EmulatorTarget,
  type EmulatorExecution,
  type EmulatorTask,
  type EmulatorInvocation,
} from './state/store';
export {
  FaultConfigError,
  type FaultConfig,
  type FaultRule,
  type ThrottleRule,
} from './modes/faults';
export { LiveOptionsError, type LiveOptions, type LiveTick } from './modes/live-mode';
export type { LiveStateChange } from './modes/live-reveal';
export { toEventBridgeEvent, type EventDeliveryOptions } from './modes/event-sender';
export type { SigV4Options, SigV4Credential } from './http/sigv4';
export type { StsOptions } from './protocol/sts-assume-role';
export { FAULT_KINDS, type EmulatorStats, type FaultKind } from './modes/stats';
export { SERVICE_ERROR_CODES, type ServiceErrorCode } from './protocol/service-error';
export {
  SSM_SERVICE_MODEL,
  type ServiceShape,
  type ShapeName,
  type SsmOperationName,
} from './protocol/service-model';
