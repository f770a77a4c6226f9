/** The local CLB API emulator: `startEmulator()` and the types its callers share. */
export { startEmulator, type RunningEmulator } from './server.js';
export { Emulator } from './emulator.js';
export { EmulatorConfigError, DEFAULTS as EMULATOR_DEFAULTS } from './config.js';
export { API_VERSION } from './gateway.js';
export type {
  EmulatorKey,
  EmulatorOptions,
  EmulatorState,
  FaultKind,
  FaultRule,
  ListenerView,
  LoadBalancerRecord,
  RequestLogEntry,
  RuntimeConfig,
  TaskView,
} from './types.js';
