import nodemailer from 'nodemailer';
import type { Config } from '../config/config';

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

/** Notification email through SMTP_URL; null when unset (the inbox only). */
export function createMailer(config: Config): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.smtpFrom });
  return {
    async send(to, subject, text) {
      // base64: Chinese text survives any relay unchanged
      await transport.sendMail({ to, subject, text, textEncoding: 'base64' });
    },
  };
}
