/** The contact form and the mail it sends. */
export const contact = {
  "contact.title": "お問い合わせ",
  "contact.lead":
    "ポータルの使い方、アクセシビリティの問題、個人情報の取扱いについてのご意見をお寄せください。担当：{section}。個別の回答が必要な場合はメールアドレスをご記入ください。",
  "contact.purpose":
    "ご記入いただいたお名前とメールアドレスは、このお問い合わせへの回答のためだけに使い、回答後は市の文書管理規程に従って廃棄します。",
  "contact.phoneTitle": "お電話でのお問い合わせ",
  "contact.phone": "{section}　電話",
  "contact.hours": "受付時間：{officeHours}",
  "contact.home.title": "ご意見・お問い合わせ",
  "contact.home.body": "ポータルの使いにくい点やアクセシビリティの問題をお知らせください。お電話でも受け付けています（{phone}）。",
  "contact.name": "お名前（任意）",
  "contact.email": "メールアドレス（回答を希望する場合）",
  "contact.topic": "内容の種類",
  "contact.topic.accessibility": "アクセシビリティ（見えにくい・操作できない等）",
  "contact.topic.usage": "使い方",
  "contact.topic.privacy": "個人情報の取扱い",
  "contact.topic.other": "その他",
  "contact.message": "お問い合わせ内容",
  "contact.messageHint": "2,000文字以内",
  "contact.submit": "送信する",
  "contact.sent": "お問い合わせを受け付けました。ありがとうございました。",
  "contact.mailSubject": "【市民総働ポータル】お問い合わせ（{topic}）",
} as const;
