export {
  FeatureFlags,
  rolloutBucket,
  type FeatureFlagsOptions,
  type FlagChange,
  type FlagChangeEvent,
  type FlagContext,
  type FlagExplanation,
  type FlagSource,
} from './FeatureFlags.js';
export { FEATURE_NAMES, type FeatureName } from '../config/schema.js';
