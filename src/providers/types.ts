/**
 * Provider interface (kept small, Vercel AI SDK style): adapters depend on it, never the reverse.
 */
export interface ProviderMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ProviderRequest {
  /** The provider's model id. */
  model: string;
  system?: string;
  messages: ProviderMessage[];
  maxTokens: number;
  temperature?: number;
  signal?: AbortSignal;
  /** Opaque metadata the local engine uses (the task being worked on). */
  task?: unknown;
}

export interface ProviderUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when counted by our own tokenizer rather than reported by the provider. */
  estimated?: boolean;
}

export interface CompletionResult {
  text: string;
  usage: ProviderUsage;
  stopReason: string;
  model: string;
}

export type ProviderEvent =
  | { type: 'start'; model: string; id?: string }
  | { type: 'delta'; text: string }
  | { type: 'usage'; usage: ProviderUsage }
  | { type: 'stop'; stopReason: string }
  | { type: 'error'; error: Error };

export interface Provider {
  readonly name: string;
  readonly kind: 'anthropic' | 'openai-compatible' | 'local';
  complete(request: ProviderRequest): Promise<CompletionResult>;
  stream(request: ProviderRequest): AsyncIterable<ProviderEvent>;
  /** The provider's own count of the request's input tokens (e.g. Anthropic's count-tokens endpoint), where it has one. */
  countInputTokens?(request: ProviderRequest): Promise<number>;
}

export type ProviderErrorKind =
  | 'rate_limited'
  | 'overloaded'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid_request'
  | 'auth'
  | 'malformed'
  | 'aborted';
