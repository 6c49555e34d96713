export { bwrapStatus, resetBwrapStatus, type BwrapStatus } from './bwrap.js';
export {
  currentPolicy,
  DEFAULT_LIMITS,
  isServiceProcess,
  markServiceProcess,
  SANDBOX_SETTINGS,
  sandboxLayer,
  withSandboxPolicy,
  type SandboxLayer,
  type SandboxLimits,
  type SandboxPolicy,
  type SandboxSetting,
} from './policy.js';
export { allowListedEnv, permissionArgs, runSandboxed, type PermissionMode, type SandboxHandle, type SandboxResult, type SandboxRunOptions } from './run.js';
export { dependencyPaths, runnerPackagePaths } from './paths.js';
