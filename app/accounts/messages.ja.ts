/** Messages of the account area: sign-up, log-in, links, /account, two-factor, mails. */
export const account = {
  "account.title": "アカウント",

  "account.field.displayName": "表示名",
  "account.field.displayNameHint": "{max}文字以内。ほかの利用者に表示されることがあります。本名でなくてもかまいません。",
  "account.field.email": "メールアドレス",
  "account.field.password": "パスワード",
  "account.field.newPassword": "新しいパスワード",
  "account.field.newPasswordHint": "{min}文字以上。よく使われるパスワードは使えません。文字の種類の決まりはありません。",
  "account.field.currentPassword": "現在のパスワード",
  "account.field.newEmail": "新しいメールアドレス",
  "account.field.totpCode": "確認コード（6桁の数字）",
  "account.field.totpCodeHint": "認証アプリに表示されている6桁の数字を入力してください。",
  "account.field.recoveryCode": "回復コード",
  "account.field.secondFactorCode": "確認コードまたは回復コード",
  "account.field.secondFactorCodeHint": "認証アプリの6桁の数字か、保管している回復コード（例：abcde-fgh23）を入力してください。",

  "account.errors.commonPassword": "よく使われていて推測されやすいパスワードです。別のパスワードにしてください",
  "account.errors.consent": "個人情報の取扱いに同意いただく必要があります",
  "account.errors.totpFormat": "6桁の数字で入力してください",
  "account.errors.recoveryFormat": "回復コードの形式で入力してください（例：abcde-fgh23）",
  "account.errors.secondFactorFormat": "6桁の数字か、回復コード（例：abcde-fgh23）を入力してください",
  "account.errors.totpSecret": "設定用のキーが正しくありません。ページを開き直してから、もう一度設定してください",
  "account.errors.wrongCode": "コードが正しくありません。認証アプリの最新のコードを入力してください",
  "account.errors.wrongPassword": "パスワードが正しくありません",
  "account.errors.sameEmail": "現在のメールアドレスと同じです",
  "account.errors.tooMany": "間違いが続いたため、しばらく受け付けません。約{minutes}分後に再度お試しください",

  "account.notice.verified": "メールアドレスを確認しました。",
  "account.notice.emailChanged": "メールアドレスを変更しました。ほかの端末ではログアウトしました。",
  "account.notice.passwordReset": "パスワードを再設定しました。新しいパスワードでログインしてください。",
  "account.notice.loggedOut": "ログアウトしました。",
  "account.notice.profileSaved": "表示名を変更しました。",
  "account.notice.emailChangeSent":
    "新しいメールアドレスに確認のメールを送りました。メールのリンクを開いて確定するまで、メールアドレスは変わりません。",
  "account.notice.passwordChanged": "パスワードを変更しました。ほかの端末ではログアウトしました。",
  "account.notice.verificationSent": "確認のメールを送りました。メールのリンクを開いてください（24時間有効）。",
  "account.notice.sessionRevoked": "選んだ端末をログアウトさせました。",
  "account.notice.twoFactorDisabled": "2段階認証を解除しました。",

  "account.signup.title": "新規登録",
  "account.signup.lead":
    "アカウントを作ると、市民活動団体をこのポータルに登録して、団体の紹介（活動内容・連絡先など）を自分で更新できます（メールアドレスの確認後）。登録の審査結果や手続きのお知らせは、メールでお届けします。すべての欄が必須です。",
  "account.signup.purposeTitle": "個人情報の利用目的",
  "account.signup.purpose":
    "ご登録いただく表示名・メールアドレスは、このポータルのアカウントの管理（ログイン、本人確認、手続きに関するお知らせの送信）のためだけに利用し、法令に基づく場合を除き、第三者に提供しません。アカウントは「アカウント」ページからいつでも削除でき、そのとき表示名とメールアドレスも削除されます。",
  "account.signup.privacyLink": "個人情報の取扱いについて（詳細）",
  "account.signup.consent": "上記の利用目的に同意します",
  "account.signup.submit": "登録する",
  "account.signup.haveAccount": "アカウントをお持ちの方は",
  "account.signup.sentTitle": "メールを確認してください",
  "account.signup.sent":
    "入力されたメールアドレスにご案内のメールを送りました。メールに記載のリンク（24時間有効）を開き、表示されるページのボタンを押して登録を完了してください。",
  "account.signup.sentHint":
    "確認の前でもログインはできますが、団体の登録はできません。メールが届かない場合は、迷惑メールフォルダをご確認のうえ、ログインして「アカウント」ページから再送してください。",
  "account.signup.toLogin": "ログインページへ",

  "account.login.title": "ログイン",
  "account.login.submit": "ログインする",
  "account.login.invalid": "メールアドレスまたはパスワードが正しくありません",
  "account.login.limited": "ログインの失敗が続いたため、しばらく受け付けません。約{minutes}分後に再度お試しください。パスワードを忘れた場合は再設定できます",
  "account.login.forgot": "パスワードを忘れた方",
  "account.login.signup": "アカウントをお持ちでない方（新規登録）",
  "account.login.reason.registerGroup": "団体を登録するには、ログインが必要です。アカウントがない方は新規登録してください。",
  "account.login.reason.required": "このページを利用するには、ログインが必要です。アカウントがない方は新規登録してください。",

  "account.twoFactorLogin.title": "2段階認証",
  "account.twoFactorLogin.lead": "このアカウントは2段階認証を設定しています。認証アプリに表示されている確認コードを入力してください。",
  "account.twoFactorLogin.submit": "確認する",
  "account.twoFactorLogin.recoveryTitle": "認証アプリを使えない場合",
  "account.twoFactorLogin.recoveryLead": "2段階認証の設定時に保管した回復コードの1つを入力してください。各コードは1回だけ使えます。",
  "account.twoFactorLogin.submitRecovery": "回復コードで確認する",
  "account.twoFactorLogin.wrongCode": "確認コードが正しくありません。認証アプリの最新のコードを入力してください",
  "account.twoFactorLogin.wrongRecovery": "回復コードが正しくないか、すでに使われています",
  "account.twoFactorLogin.limited": "間違いが続いたため、しばらく受け付けません。約{minutes}分後に再度お試しください",
  "account.twoFactorLogin.cancel": "ログインを中止する",

  "account.verify.title": "メールアドレスの確認",
  "account.verify.lead": "下のボタンを押すと、メールアドレスの確認が完了します。",
  "account.verify.submit": "メールアドレスを確認する",
  "account.verify.changeTitle": "メールアドレスの変更",
  "account.verify.changeLead":
    "下のボタンを押すと、アカウントのメールアドレスがこのメールを受け取ったアドレスに変わります。ほかの端末ではログアウトします。",
  "account.verify.changeSubmit": "メールアドレスを変更する",
  "account.verify.spentTitle": "このリンクは使えません",
  "account.verify.spent": "リンクの有効期限（24時間）が過ぎたか、すでに使われたか、正しくないリンクです。",
  "account.verify.loginToResend": "ログインすると、確認のメールを再送できます",
  "account.verify.takenTitle": "メールアドレスを変更できませんでした",
  "account.verify.taken": "このメールアドレスは、ほかのアカウントで使われるようになりました。別のメールアドレスで変更し直してください。",
  "account.verify.toAccount": "アカウントページへ",
  "account.verify.toLogin": "ログインページへ",

  "account.forgot.title": "パスワードの再設定",
  "account.forgot.lead": "登録したメールアドレスを入力してください。パスワードを再設定するためのリンクをお送りします。",
  "account.forgot.submit": "再設定のメールを送る",
  "account.forgot.sent":
    "入力されたメールアドレスが登録されていれば、パスワード再設定のリンク（1時間有効）をお送りしました。メールが届かない場合は、迷惑メールフォルダもご確認ください。",
  "account.forgot.toLogin": "ログインページへ",

  "account.reset.title": "新しいパスワードの設定",
  "account.reset.lead": "新しいパスワードを入力してください。設定すると、すべての端末でログアウトします。",
  "account.reset.submit": "パスワードを設定する",
  "account.reset.spentTitle": "このリンクは使えません",
  "account.reset.spent": "リンクの有効期限（1時間）が過ぎたか、すでに使われたか、正しくないリンクです。",
  "account.reset.again": "再設定のメールをもう一度送る",

  "account.verification.title": "メールアドレスの確認",
  "account.verification.pending":
    "メールアドレス（{email}）の確認がまだ済んでいません。確認が済むまで、団体の登録はできません。届いたメールのリンクを開いてください。",
  "account.verification.required": "この操作には、メールアドレスの確認が必要です。届いたメールのリンクを開くか、確認のメールを再送してください。",
  "account.verification.resend": "確認のメールを再送する",

  "account.profile.title": "プロフィール",
  "account.profile.verified": "確認済み",
  "account.profile.unverified": "未確認",
  "account.profile.since": "登録日時",
  "account.profile.submit": "表示名を変更する",

  "account.email.title": "メールアドレスの変更",
  "account.email.lead":
    "新しいメールアドレスに確認のメールを送ります。メールのリンクを開いて確定するまで、メールアドレスは変わりません。現在のメールアドレスにもお知らせを送ります。",
  "account.email.pending": "確認待ちの新しいメールアドレス：{email}",
  "account.email.submit": "確認のメールを送る",

  "account.password.title": "パスワードの変更",
  "account.password.lead": "変更すると、この端末以外ではログアウトします。",
  "account.password.submit": "パスワードを変更する",

  "account.twoFactor.title": "2段階認証",
  "account.twoFactor.lead":
    "ログインのとき、パスワードに加えて、スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator など）に表示される確認コードを求めます。",
  "account.twoFactor.on": "2段階認証は有効です。",
  "account.twoFactor.off": "2段階認証は設定していません。",
  "account.twoFactor.setUp": "2段階認証を設定する",
  "account.twoFactor.manage": "2段階認証を管理する",
  "account.twoFactor.requiredForStaff": "職員・管理者のアカウントは、管理画面を使う前に2段階認証の設定が必要です。",
  "account.twoFactor.setUpTitle": "設定の手順",
  "account.twoFactor.step1": "スマートフォンに認証アプリを用意します。",
  "account.twoFactor.step2": "アプリで次のQRコードを読み取ります。読み取れない場合は、下のキーを手で入力してください。",
  "account.twoFactor.step3": "アプリに表示された6桁の確認コードを入力して、設定を完了します。",
  "account.twoFactor.qrAlt": "認証アプリで読み取る設定用のQRコード。読み取れない場合は、すぐ下に表示しているキーを入力してください。",
  "account.twoFactor.keyLabel": "キー：",
  "account.twoFactor.enable": "2段階認証を有効にする",
  "account.twoFactor.enabled": "2段階認証を有効にしました。ほかの端末ではログアウトしました。",
  "account.twoFactor.regenerated": "新しい回復コードを作りました。以前の回復コードは使えなくなりました。",
  "account.twoFactor.codesTitle": "回復コード",
  "account.twoFactor.codesLead":
    "スマートフォンをなくしたときなどに、確認コードの代わりに使えます。各コードは1回だけ使えます。このコードは今しか表示しません。印刷するか書き写して、安全な場所に保管してください。",
  "account.twoFactor.codesLeft": "未使用の回復コード：{count}個",
  "account.twoFactor.regenerateTitle": "回復コードの作り直し",
  "account.twoFactor.regenerate": "回復コードを作り直す",
  "account.twoFactor.disableTitle": "2段階認証の解除",
  "account.twoFactor.disable": "2段階認証を解除する",
  "account.twoFactor.staffMustKeep": "職員・管理者のアカウントでは、2段階認証を解除できません。",
  "account.twoFactor.toAccount": "アカウントページへ戻る",
  "account.twoFactor.toAdmin": "管理画面へ進む",

  "account.sessions.title": "ログイン中の端末",
  "account.sessions.lead": "心当たりのない端末があれば、ログアウトさせてから、パスワードを変更してください。",
  "account.sessions.device": "端末",
  "account.sessions.createdAt": "ログイン日時",
  "account.sessions.lastUsedAt": "最後の利用",
  "account.sessions.action": "操作",
  "account.sessions.current": "この端末",
  "account.sessions.unknownDevice": "不明な端末",
  "account.sessions.revoke": "ログアウトさせる",
  "account.sessions.revokeWhich": "（{n}行目：{device}）",

  "account.activity.meta": "{label} {reference} ・ {at}",
  "account.activity.metaState": "{label} {reference} ・ {at} ・ {state}",
  "account.data.title": "自分のデータ",
  "account.data.lead":
    "このポータルが保有しているあなたのデータ（プロフィール、所属、ログイン中の端末、あなたが行った操作の記録）をJSON形式でダウンロードできます。",
  "account.data.download": "自分のデータをダウンロードする（JSON）",

  "account.delete.title": "アカウントの削除",
  "account.delete.lead":
    "アカウントを削除すると、表示名・メールアドレス・パスワード・ログイン中の端末の情報などが削除され、元に戻せません。市の記録として残す操作の記録には、氏名や連絡先を残しません。削除するには現在のパスワードを入力してください。",
  "account.delete.submit": "アカウントを削除する",

  "account.deleted.title": "アカウントを削除しました",
  "account.deleted.body": "アカウントと、それに結びついた個人情報を削除しました。ご利用ありがとうございました。",

  "account.mail.footer":
    "――\nこのメールは {site}（{home}）から自動で送信しています。返信されても対応できません。お心当たりのない場合は、このメールを破棄してください。",
  "account.mail.verify.subject": "【{site}】メールアドレスの確認",
  "account.mail.verify.body":
    "{site} へのご登録ありがとうございます。\n\n次のリンクを開き、表示されるページの「メールアドレスを確認する」ボタンを押して、登録を完了してください。リンクの有効期限は24時間です。\n\n{link}",
  "account.mail.alreadyRegistered.subject": "【{site}】登録の申込みがありました",
  "account.mail.alreadyRegistered.body":
    "このメールアドレスで {site} への新規登録の申込みがありましたが、このメールアドレスはすでに登録されています。\n\nご自身の申込みであれば、次のページからログインしてください。\n{loginLink}\n\nパスワードを忘れた場合は、次のページから再設定できます。\n{resetLink}",
  "account.mail.reset.subject": "【{site}】パスワードの再設定",
  "account.mail.reset.body":
    "{site} のパスワード再設定の申込みを受け付けました。\n\n次のリンクを開き、新しいパスワードを設定してください。リンクの有効期限は1時間です。\n\n{link}\n\nお心当たりのない場合は、何もする必要はありません。パスワードは変わりません。",
  "account.mail.changeEmail.subject": "【{site}】新しいメールアドレスの確認",
  "account.mail.changeEmail.body":
    "{site} のアカウントのメールアドレスを、このアドレスに変更する申込みを受け付けました。\n\n次のリンクを開き、表示されるページの「メールアドレスを変更する」ボタンを押して、変更を確定してください。リンクの有効期限は24時間です。\n\n{link}",
  "account.mail.changeEmailTaken.subject": "【{site}】メールアドレス変更の申込みがありました",
  "account.mail.changeEmailTaken.body":
    "{site} の別のアカウントで、メールアドレスをこのアドレスに変更する申込みがありましたが、このメールアドレスはすでに登録されているため、変更できません。\n\nこのアドレスのアカウントには、次のページからログインできます。\n{loginLink}\n\nパスワードを忘れた場合は、次のページから再設定できます。\n{resetLink}",
  "account.mail.changeEmailNotice.subject": "【{site}】メールアドレス変更の申込みがありました",
  "account.mail.changeEmailNotice.body":
    "{site} のあなたのアカウントで、メールアドレス変更の申込みがありました。新しいアドレスで確認が済むまで、このアドレスのまま変わりません。\n\nお心当たりのない場合は、すぐにパスワードを変更し、ログイン中の端末を確認してください。\n{accountLink}",
  "account.mail.passwordChanged.subject": "【{site}】パスワードが変更されました",
  "account.mail.passwordChanged.body":
    "{site} のあなたのアカウントのパスワードが変更されました。\n\nお心当たりのない場合は、次のページからすぐにパスワードを再設定してください。\n{resetLink}",
  "account.mail.secondFactorFailures.subject": "【{site}】2段階認証の確認コードの誤りが続いています",
  "account.mail.secondFactorFailures.body":
    "{site} のあなたのアカウントで、正しいパスワードが入力された後、2段階認証の確認コードの誤りが15分以内に{count}回ありました。\n\nご自身の操作でなければ、パスワードが他人に知られています。次のページからすぐにパスワードを再設定してください。\n{resetLink}\n\n確認コードの誤りが15分間に{limit}回に達すると、このアカウントでは15分間、確認コードを受け付けません（どの端末からでも同じです）。",

  // Labels of the account audit actions (app/accounts/contributes.ts)
  "account.audit.user.role_changed": "役割の変更",
  "account.audit.user.deactivated": "利用の停止",
  "account.audit.user.reactivated": "利用の再開",
  "account.audit.account.deleted": "アカウントの削除",
  "account.audit.account.second_factor_failures": "2段階認証の確認コードの誤り（本人にメールで通知）",
  "account.audit.account.second_factor_limited": "2段階認証の確認コードの受付停止（誤りが上限に達した）",
  "account.auditTarget.user": "アカウント",
} as const;
