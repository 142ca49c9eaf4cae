/** Public surface of the submission outbox. */
export { Outbox, type EnqueueInput, type EnqueueResult, type OutboxOptions, type DeadLetter, type OutboxStatus, type SubmissionReceipt } from './outbox';
export { Dispatcher, type DeadLetterAlert, type DispatcherOptions, type SubmissionOutcome } from './dispatcher';
export { createHttpSender, interpretResponse, type HttpSenderOptions } from './http-sender';
export type { JsonValue, OutboxItem, SendResult, Sender } from './sender';
export type { KeyProvider } from './key-provider';
export { FileKeyProvider } from './file-key-provider';
export { SafeStorageKeyProvider, type SafeStorageLike, type SafeStorageKeyProviderOptions } from './safe-storage-key-provider';
export { DEFAULT_BACKOFF, backoffCeiling, fullJitterDelay, type BackoffPolicy } from './backoff';
export * from './outbox-errors';
