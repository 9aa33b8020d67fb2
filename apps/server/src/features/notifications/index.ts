// Notifications and digests (docs/notifications.md): who hears of each event, the centre, e-mail
// at once or in the daily digest, per each person's preferences.
export {
  createDailyDigest,
  type DailyDigest,
  DIGEST_JOB,
  type DigestDependencies,
  notificationsJobs,
} from './daily-digest.ts';
export { type MailQueue, noMail, type OutgoingMail } from './mail.ts';
export { type ConsumerDependencies, createNotificationConsumer } from './notification-consumer.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { createNotificationsService, type NotificationsService } from './notifications.service.ts';
