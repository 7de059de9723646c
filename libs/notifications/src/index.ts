export * from './activation-token/activation-token';
export * from './activation-email/activation-email';
export * from './deliveries/mail-delivery.document';
export * from './deliveries/retry-schedule';
export * from './mail-transport.port';
export * from './transports/create-mail-transport';
export { REACTOR_CHECKPOINTS_COLLECTION } from './reactor/invitation-recorder';
export { MailReactor, type MailReactorOptions, type ReactorLogger } from './reactor/mail-reactor';
