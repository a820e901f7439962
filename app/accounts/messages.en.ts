export const accountEn = {
  "account.title": "Account",

  "account.field.displayName": "Display name",
  "account.field.displayNameHint": "Up to {max} characters. Other users may see it. It need not be your real name.",
  "account.field.email": "Email address",
  "account.field.password": "Password",
  "account.field.newPassword": "New password",
  "account.field.newPasswordHint": "At least {min} characters. Common passwords are refused. No rules about kinds of characters.",
  "account.field.currentPassword": "Current password",
  "account.field.newEmail": "New email address",
  "account.field.totpCode": "Verification code (6 digits)",
  "account.field.totpCodeHint": "Enter the 6-digit number your authenticator app shows.",
  "account.field.recoveryCode": "Recovery code",
  "account.field.secondFactorCode": "Verification code or recovery code",
  "account.field.secondFactorCodeHint": "Enter the 6 digits from your authenticator app, or one of your recovery codes (e.g. abcde-fgh23).",

  "account.errors.commonPassword": "This password is common and easy to guess. Please choose another one",
  "account.errors.consent": "Please agree to how your personal information is used",
  "account.errors.totpFormat": "Enter 6 digits",
  "account.errors.recoveryFormat": "Enter a recovery code (e.g. abcde-fgh23)",
  "account.errors.secondFactorFormat": "Enter 6 digits or a recovery code (e.g. abcde-fgh23)",
  "account.errors.totpSecret": "The set-up key is not valid. Please reload the page and set up again",
  "account.errors.wrongCode": "The code is not correct. Enter the latest code from your authenticator app",
  "account.errors.wrongPassword": "The password is not correct",
  "account.errors.sameEmail": "This is your current email address",
  "account.errors.tooMany": "Too many wrong attempts. Please try again in about {minutes} minutes",

  "account.notice.verified": "Your email address is verified.",
  "account.notice.emailChanged": "Your email address has been changed. Your other devices have been logged out.",
  "account.notice.passwordReset": "Your password has been reset. Please log in with your new password.",
  "account.notice.loggedOut": "You have logged out.",
  "account.notice.profileSaved": "Your display name has been changed.",
  "account.notice.emailChangeSent":
    "We have sent a confirmation email to the new address. Your address will not change until you open the link in that email.",
  "account.notice.passwordChanged": "Your password has been changed. Your other devices have been logged out.",
  "account.notice.verificationSent": "We have sent a verification email. Please open the link in it (valid for 24 hours).",
  "account.notice.sessionRevoked": "The selected device has been logged out.",
  "account.notice.twoFactorDisabled": "Two-step verification has been turned off.",

  "account.signup.title": "Sign up",
  "account.signup.lead":
    "With an account you can register a citizens' group on this portal and keep its profile (activities, contacts) up to date yourself (once your email address is verified). Review results and notices about your procedures come by email. All fields are required.",
  "account.signup.purposeTitle": "How we use your personal information",
  "account.signup.purpose":
    "Your display name and email address are used only to manage your account on this portal (logging in, confirming it is you, and sending notices about your procedures), and are not given to third parties except as the law requires. You can delete your account at any time on the Account page; your display name and email address are deleted with it.",
  "account.signup.privacyLink": "Handling of personal information (details)",
  "account.signup.consent": "I agree to the use described above",
  "account.signup.submit": "Sign up",
  "account.signup.haveAccount": "Already have an account?",
  "account.signup.sentTitle": "Please check your email",
  "account.signup.sent":
    "We have sent an email to the address you entered. Open the link in it (valid for 24 hours) and press the button on the page that opens to complete your registration.",
  "account.signup.sentHint":
    "You can log in before verifying, but you cannot register a group yet. If no email arrives, check your spam folder, then log in and ask for it again on the Account page.",
  "account.signup.toLogin": "Go to the log-in page",

  "account.login.title": "Log in",
  "account.login.submit": "Log in",
  "account.login.invalid": "The email address or password is not correct",
  "account.login.limited":
    "Too many failed log-ins. Please try again in about {minutes} minutes. If you have forgotten your password, you can reset it",
  "account.login.forgot": "Forgotten your password?",
  "account.login.signup": "No account yet? Sign up",
  "account.login.reason.registerGroup": "To register a group, please log in. If you have no account yet, please sign up.",
  "account.login.reason.required": "To use this page, please log in. If you have no account yet, please sign up.",

  "account.twoFactorLogin.title": "Two-step verification",
  "account.twoFactorLogin.lead": "This account uses two-step verification. Enter the code your authenticator app shows.",
  "account.twoFactorLogin.submit": "Verify",
  "account.twoFactorLogin.recoveryTitle": "If you cannot use your authenticator app",
  "account.twoFactorLogin.recoveryLead": "Enter one of the recovery codes you kept when you set up two-step verification. Each code works once.",
  "account.twoFactorLogin.submitRecovery": "Verify with a recovery code",
  "account.twoFactorLogin.wrongCode": "The code is not correct. Enter the latest code from your authenticator app",
  "account.twoFactorLogin.wrongRecovery": "The recovery code is not correct or has already been used",
  "account.twoFactorLogin.limited": "Too many wrong codes. Please try again in about {minutes} minutes",
  "account.twoFactorLogin.cancel": "Cancel logging in",

  "account.verify.title": "Verify your email address",
  "account.verify.lead": "Press the button below to complete the verification of your email address.",
  "account.verify.submit": "Verify my email address",
  "account.verify.changeTitle": "Change your email address",
  "account.verify.changeLead":
    "Press the button below to change your account's email address to the address that received this link. Your other devices will be logged out.",
  "account.verify.changeSubmit": "Change my email address",
  "account.verify.spentTitle": "This link cannot be used",
  "account.verify.spent": "The link has expired (after 24 hours), has already been used, or is not valid.",
  "account.verify.loginToResend": "Log in to have the verification email sent again",
  "account.verify.takenTitle": "Your email address could not be changed",
  "account.verify.taken": "This email address is now used by another account. Please change to a different address.",
  "account.verify.toAccount": "Go to your account",
  "account.verify.toLogin": "Go to the log-in page",

  "account.forgot.title": "Reset your password",
  "account.forgot.lead": "Enter the email address you registered with. We will send you a link to set a new password.",
  "account.forgot.submit": "Send the reset email",
  "account.forgot.sent":
    "If the address you entered is registered, we have sent it a link to reset your password (valid for 1 hour). If no email arrives, please check your spam folder.",
  "account.forgot.toLogin": "Go to the log-in page",

  "account.reset.title": "Set a new password",
  "account.reset.lead": "Enter your new password. Setting it logs you out on every device.",
  "account.reset.submit": "Set the password",
  "account.reset.spentTitle": "This link cannot be used",
  "account.reset.spent": "The link has expired (after 1 hour), has already been used, or is not valid.",
  "account.reset.again": "Send a reset email again",

  "account.verification.title": "Email verification",
  "account.verification.pending":
    "Your email address ({email}) is not verified yet. Until it is, you cannot register a group. Please open the link in the email we sent.",
  "account.verification.required":
    "This needs a verified email address. Please open the link in the email we sent, or have the verification email sent again.",
  "account.verification.resend": "Send the verification email again",

  "account.profile.title": "Profile",
  "account.profile.verified": "verified",
  "account.profile.unverified": "not verified",
  "account.profile.since": "Registered",
  "account.profile.submit": "Change display name",

  "account.email.title": "Change email address",
  "account.email.lead":
    "We will send a confirmation email to the new address. Your address does not change until you open the link in it. We also send a notice to your current address.",
  "account.email.pending": "New address waiting for confirmation: {email}",
  "account.email.submit": "Send the confirmation email",

  "account.password.title": "Change password",
  "account.password.lead": "Changing it logs you out on every device except this one.",
  "account.password.submit": "Change password",

  "account.twoFactor.title": "Two-step verification",
  "account.twoFactor.lead":
    "When you log in, you are asked for a code from an authenticator app on your phone (such as Google Authenticator or Microsoft Authenticator) in addition to your password.",
  "account.twoFactor.on": "Two-step verification is on.",
  "account.twoFactor.off": "Two-step verification is not set up.",
  "account.twoFactor.setUp": "Set up two-step verification",
  "account.twoFactor.manage": "Manage two-step verification",
  "account.twoFactor.requiredForStaff": "Staff and administrator accounts must set up two-step verification before using the admin area.",
  "account.twoFactor.setUpTitle": "How to set it up",
  "account.twoFactor.step1": "Install an authenticator app on your phone.",
  "account.twoFactor.step2": "Scan this QR code with the app. If you cannot scan it, type in the key shown below it.",
  "account.twoFactor.step3": "Enter the 6-digit code the app shows to finish.",
  "account.twoFactor.qrAlt": "QR code for setting up your authenticator app. If you cannot scan it, enter the key shown just below.",
  "account.twoFactor.keyLabel": "Key:",
  "account.twoFactor.enable": "Turn on two-step verification",
  "account.twoFactor.enabled": "Two-step verification is on. Your other devices have been logged out.",
  "account.twoFactor.regenerated": "New recovery codes have been made. Your earlier recovery codes no longer work.",
  "account.twoFactor.codesTitle": "Recovery codes",
  "account.twoFactor.codesLead":
    "Use one of these instead of a verification code if you lose your phone. Each code works once. They are shown only now: print them or write them down and keep them somewhere safe.",
  "account.twoFactor.codesLeft": "Unused recovery codes: {count}",
  "account.twoFactor.regenerateTitle": "Make new recovery codes",
  "account.twoFactor.regenerate": "Make new recovery codes",
  "account.twoFactor.disableTitle": "Turn off two-step verification",
  "account.twoFactor.disable": "Turn off two-step verification",
  "account.twoFactor.staffMustKeep": "Staff and administrator accounts cannot turn off two-step verification.",
  "account.twoFactor.toAccount": "Back to your account",
  "account.twoFactor.toAdmin": "Continue to the admin area",

  "account.sessions.title": "Devices logged in",
  "account.sessions.lead": "If you see a device you do not recognise, log it out and then change your password.",
  "account.sessions.device": "Device",
  "account.sessions.createdAt": "Logged in",
  "account.sessions.lastUsedAt": "Last used",
  "account.sessions.action": "Action",
  "account.sessions.current": "This device",
  "account.sessions.unknownDevice": "Unknown device",
  "account.sessions.revoke": "Log out",
  "account.sessions.revokeWhich": "(row {n}: {device})",

  "account.activity.meta": "{label} {reference} · {at}",
  "account.activity.metaState": "{label} {reference} · {at} · {state}",
  "account.data.title": "My data",
  "account.data.lead":
    "Download the data this portal holds about you (profile, memberships, devices logged in, and the record of what you did) as a JSON file.",
  "account.data.download": "Download my data (JSON)",

  "account.delete.title": "Delete account",
  "account.delete.lead":
    "Deleting your account removes your display name, email address, password, devices logged in and the like, and cannot be undone. Records the city must keep of actions taken keep no name or contact details. Enter your current password to delete.",
  "account.delete.submit": "Delete my account",

  "account.deleted.title": "Your account has been deleted",
  "account.deleted.body": "Your account and the personal information tied to it have been deleted. Thank you for using the portal.",

  "account.mail.footer":
    "--\nThis email was sent automatically by {site} ({home}). Replies cannot be answered. If you do not know what this is about, please delete this email.",
  "account.mail.verify.subject": "[{site}] Verify your email address",
  "account.mail.verify.body":
    "Thank you for signing up to {site}.\n\nOpen the link below and press the button \"Verify my email address\" on the page to complete your registration. The link is valid for 24 hours.\n\n{link}",
  "account.mail.alreadyRegistered.subject": "[{site}] Someone tried to sign up with your address",
  "account.mail.alreadyRegistered.body":
    "Someone asked to sign up to {site} with this email address, but it is already registered.\n\nIf it was you, log in here:\n{loginLink}\n\nIf you have forgotten your password, you can reset it here:\n{resetLink}",
  "account.mail.reset.subject": "[{site}] Reset your password",
  "account.mail.reset.body":
    "We received a request to reset your password for {site}.\n\nOpen the link below to set a new password. The link is valid for 1 hour.\n\n{link}\n\nIf you did not ask for this, you need not do anything. Your password stays the same.",
  "account.mail.changeEmail.subject": "[{site}] Confirm your new email address",
  "account.mail.changeEmail.body":
    "We received a request to change the email address of an account on {site} to this address.\n\nOpen the link below and press the button \"Change my email address\" on the page to confirm. The link is valid for 24 hours.\n\n{link}",
  "account.mail.changeEmailTaken.subject": "[{site}] Request to use your address",
  "account.mail.changeEmailTaken.body":
    "Someone asked to change the email address of another account on {site} to this address. It is already registered, so it cannot be used.\n\nYou can log in to the account of this address here:\n{loginLink}\n\nIf you have forgotten your password, you can reset it here:\n{resetLink}",
  "account.mail.changeEmailNotice.subject": "[{site}] Request to change your email address",
  "account.mail.changeEmailNotice.body":
    "Someone asked to change the email address of your account on {site}. Your address stays as it is until the new address is confirmed.\n\nIf this was not you, change your password at once and check the devices logged in:\n{accountLink}",
  "account.mail.passwordChanged.subject": "[{site}] Your password has been changed",
  "account.mail.passwordChanged.body":
    "The password of your account on {site} has been changed.\n\nIf this was not you, reset your password at once here:\n{resetLink}",
  "account.mail.secondFactorFailures.subject": "[{site}] Wrong sign-in codes for your account",
  "account.mail.secondFactorFailures.body":
    "Someone entered the correct password of your account on {site}, but not the right two-step verification code, {count} times within 15 minutes.\n\nIf this was not you, someone knows your password. Reset it at once here:\n{resetLink}\n\nAfter {limit} wrong codes within 15 minutes, the account accepts no code for 15 minutes (from any device).",

  // Labels of the account audit actions (app/accounts/contributes.ts)
  "account.audit.user.role_changed": "Role changed",
  "account.audit.user.deactivated": "Account deactivated",
  "account.audit.user.reactivated": "Account reactivated",
  "account.audit.account.deleted": "Account deleted",
  "account.audit.account.second_factor_failures": "Wrong second-factor codes (owner told by mail)",
  "account.audit.account.second_factor_limited": "Second-factor codes refused (limit reached)",
  "account.auditTarget.user": "Account",
} as const;
