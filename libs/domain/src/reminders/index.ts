export { canonicalTimeZone, localDateOf, localInstant, localTimeOf } from './local-time';
export * from './schedule';
export * from './occurrences';
export * from './placeholders';
export * from './reminder-texts';
export * from './client-reminder';
export * from './reminder-deliveries';
export * from './reminder-input';
export * from './reminder-campaign.decider';
