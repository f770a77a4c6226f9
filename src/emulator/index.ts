/** The local CLB API emulator: `startEmulator()` and the types its callers share. */
export { startEmulator, type RunningEmulator } from './server.js';
export { EmulatorConfigError } from './config.js';
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
