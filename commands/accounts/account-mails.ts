import type { QueuedMail } from '../../ports/mail.ts';

/** The account mails' words. Codes are the only secret they carry; links are built by the shop's front end. */
type AccountMail = Omit<QueuedMail, 'eventId' | 'to'>;

export const verificationMail = (code: string, minutes: number): AccountMail => ({
  template: 'email-verification',
  subject: 'Your verification code',
  paragraphs: [
    `Your code to confirm this email address is ${code}.`,
    `It is good for ${minutes} minutes. If you did not sign up, ignore this mail.`,
  ],
});

export const passwordResetMail = (code: string, minutes: number): AccountMail => ({
  template: 'password-reset',
  subject: 'Your password reset code',
  paragraphs: [
    `Your code to set a new password is ${code}.`,
    `It is good for ${minutes} minutes and works once. If you did not ask for it, ignore this mail: your password stays as it is.`,
  ],
});

export const staffInvitationMail = (
  token: string,
  roles: readonly string[],
  expiresAt: string,
): AccountMail => ({
  template: 'staff-invitation',
  subject: 'You are invited to Quartermaster',
  paragraphs: [
    `You are invited as staff with the roles ${roles.join(', ')}.`,
    `Accept with this token and a password of your choice before ${expiresAt}: ${token}`,
  ],
});
