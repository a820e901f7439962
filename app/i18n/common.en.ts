import type { common } from "./common.ja.ts";

export const commonEn: Record<keyof typeof common, string> = {
  "site.name": "Annaka Citizen Collaboration Portal",
  "site.tagline": "Where citizens and the city work together to build our community",
  "nav.label": "Main menu",
  "nav.home": "Home",
  "nav.districts": "Districts and community centres",
  "nav.contact": "Contact us",
  "nav.login": "Log in",
  "nav.signup": "Sign up",
  "nav.account": "Account",
  "nav.logout": "Log out",
  "nav.admin": "Staff area",
  "nav.user": "Logged in as {name}",
  "skip.main": "Skip to main content",
  "lang.label": "Language",
  "lang.switch": "日本語",
  "lang.switchHint": "日本語に切り替える",
  "lang.ja": "日本語",
  "lang.en": "English",
  "footer.accessibility": "Web accessibility policy",
  "footer.privacy": "Handling of personal information",
  "footer.contact": "Contact us",
  "footer.operator": "Run by {section}",
  "footer.label": "Site information",

  "home.title": "Citizen Collaboration Portal",
  "home.lead":
    "This portal supports Policy Pillar 6 of the Annaka City Comprehensive Plan, ‘Efficient administration and finances, and a city of citizen collaboration’. We are gradually developing it so that you can register civic organisations, comment on policies, sign up for events and apply for community centre support, all in one place.",
  "home.sections": "What you can do on this portal",
  "home.districts.title": "Districts and community centres",
  "home.districts.body":
    "Look up the city’s {count} districts (gyōseiku) and find the location of each community centre and how to use it.",
  "home.contact.title": "Comments and enquiries",
  "home.contact.body": "Let us know about anything on the portal that is hard to use, or any accessibility problems.",
  "home.plan.title": "Comprehensive Plan, Policy Pillar 6",
  "home.plan.body":
    "Its goals are more civic organisations, greater citizen participation in policy-making, support for community centres, human rights education, more women on advisory councils, digital services and sound financial management.",

  "districts.title": "Districts and community centres",
  "districts.lead": "A list of Annaka City’s {count} districts (gyōseiku) and their community centres.",
  "districts.search": "Filter by district or community centre name",
  "districts.searchButton": "Filter",
  "districts.area": "Area",
  "districts.code": "Code",
  "districts.name": "District",
  "districts.centers": "Community centres",
  "districts.noCenter": "No community centre registered",
  "districts.none": "No matching districts found.",
  "districts.resultCount": "Districts found: {count}",
  "center.title": "{name}",
  "center.address": "Address",
  "center.phone": "Telephone",
  "center.hours": "Opening hours",
  "center.days": "Days available",
  "center.barrierFree": "Barrier-free access",
  "center.serves": "Districts served by this community centre",
  "center.districtWithCode": "{name} ({code})",
  "center.back": "Back to the list of districts and community centres",

  "contact.title": "Contact us",
  "contact.lead":
    "Please send us your comments on using the portal, accessibility problems or the handling of personal information. Handled by: {section}. If you would like a personal reply, please include your email address.",
  "contact.purpose":
    "Your name and email address will be used only to reply to this enquiry. Once we have replied, they will be disposed of in accordance with the city’s records management regulations.",
  "contact.name": "Name (optional)",
  "contact.email": "Email address (if you would like a reply)",
  "contact.topic": "Type of enquiry",
  "contact.topic.accessibility": "Accessibility (e.g. hard to read, cannot be operated)",
  "contact.topic.usage": "Using the portal",
  "contact.topic.privacy": "Handling of personal information",
  "contact.topic.other": "Other",
  "contact.message": "Your enquiry",
  "contact.messageHint": "Up to 2,000 characters",
  "contact.submit": "Send",
  "contact.sent": "Thank you. We have received your enquiry.",
  "contact.mailSubject": "[Citizen Collaboration Portal] Enquiry ({topic})",
  "contact.honeypot": "Please leave this field blank",

  "form.errorSummary": "Please check your entries ({count} to correct)",
  "form.required": "(required)",
  "errors.required": "Please fill in this field",
  "errors.tooLong": "Please enter no more than {max} characters",
  "errors.tooShort": "Please enter at least {min} characters",
  "errors.email": "Please enter a valid email address (e.g. taro@example.jp)",
  "errors.choice": "Please choose one of the options",
  "errors.number": "Please enter a number",
  "errors.tooSmall": "Please enter a value of {min} or more",
  "errors.tooBig": "Please enter a value of {max} or less",
  "errors.invalid": "The information entered is not valid",
  "errors.controlChars": "This contains characters that cannot be used",

  "error.title": "An error has occurred",
  "error.body": "Sorry, something went wrong while processing your request. Please wait a while and try again.",
  "error.reference": "If you contact us about this, please quote this reference number: {id}",
  "error.home": "Back to the home page",
  "error.404.title": "Page not found",
  "error.404.body": "The page you are looking for may have been moved or deleted, or the address may be incorrect.",
  "error.403.title": "This action is not permitted",
  "error.403.body": "You do not have permission to use this page or carry out this action.",
  "error.csrf.body":
    "Your submission was not accepted because we could not confirm where it was sent from. Please reopen the portal page and submit it again.",
  "error.429.title": "Please try again later",
  "error.429.body":
    "There have been too many submissions in a short time. Please try again in about {minutes} minutes. You can use your browser’s Back button to see what you entered.",
  "error.400.title": "Invalid request",
  "error.400.body": "We could not process what you submitted.",
  "error.410.title": "This page is no longer published",

  "a11y.title": "Web accessibility policy",
  "a11y.intro":
    "Annaka City is committed to ensuring and improving web accessibility so that everyone, including older people and people with disabilities, can use the Citizen Collaboration Portal.",
  "a11y.target.title": "Scope",
  "a11y.target.body": "All pages of the Annaka Citizen Collaboration Portal (this website).",
  "a11y.goal.title": "Target conformance level",
  "a11y.goal.body":
    "We aim to meet conformance level AA of Japanese Industrial Standard JIS X 8341-3:2016, ‘Guidelines for older persons and persons with disabilities – Information and communications equipment, software and services – Part 3: Web content’.",
  "a11y.method.title": "How we test",
  "a11y.method.body":
    "Whenever a page is changed, we test every page with the automated testing tool axe-core (against the WCAG 2.0 / 2.1 Level A and AA success criteria), and automated tests check that everything can be operated with a keyboard alone. Problems that automated testing cannot find (such as reading order, the content of alternative text and how clear explanations are) are checked by staff once a year, following the Web Accessibility Infrastructure Committee’s ‘JIS X 8341-3:2016 Test Implementation Guidelines’, and the results are published on this page.",
  "a11y.measures.title": "Main measures",
  "a11y.measures.1":
    "Every function can be operated with a keyboard alone. The ‘Skip to main content’ link at the top of each page takes you straight to the main content.",
  "a11y.measures.2":
    "Text has a contrast ratio of at least 4.5:1 against its background, and remains readable when enlarged to 200% in your browser.",
  "a11y.measures.3":
    "Every input field has a label. If there is a mistake, the reason is shown right next to the field in the language of the page, and what you have entered is not lost.",
  "a11y.measures.4": "The portal is available in Japanese and English.",
  "a11y.exceptions.title": "Exceptions",
  "a11y.exceptions.body":
    "Images registered by organisations, and external websites that links lead to, are not covered by the city’s testing.",
  "a11y.contact.title": "Contact us",
  "a11y.contact.body":
    "If you find anything difficult to use, please let us know through the contact form or by contacting {section} (tel. {phone}).",
  "a11y.updated": "Adopted: 24 November 2026",

  "privacy.title": "Handling of personal information",
  "privacy.intro":
    "Annaka City manages the personal information handled on this portal appropriately, in accordance with the Act on the Protection of Personal Information (which has applied to local governments since April 2023).",
  "privacy.purpose.title": "Purposes of use",
  "privacy.purpose.body":
    "Personal information is used only for the purposes stated on each form (such as reviewing organisation registrations and contacting the organisations, processing comments received in public consultations, accepting event registrations, reviewing applications for community centre support, and replying to enquiries). It is not used or provided to anyone for any other purpose.",
  "privacy.collect.title": "Information we collect",
  "privacy.collect.body":
    "In addition to the information entered in forms, we record the date and time of each access and where the connection came from for a set period, to keep the service running securely. These access records do not include names, email addresses, passwords or similar information.",
  "privacy.publish.title": "Information we do not publish",
  "privacy.publish.body":
    "We never publish the names, addresses, telephone numbers or email addresses of people who submit public comments or take part in events. Details such as the name of an organisation’s representative are published only if the organisation has chosen to make them public.",
  "privacy.security.title": "Security measures",
  "privacy.security.body":
    "Communications are encrypted, and passwords are stored in a form that cannot be recovered. Staff access is limited to what their work requires, and their actions are logged.",
  "privacy.rights.title": "Disclosure, correction and suspension of use",
  "privacy.rights.body":
    "You can ask for your own personal information to be disclosed, corrected or no longer used. If you have an account, you can download and delete your data on the ‘Account’ page. For anything else, please contact {section} (tel. {phone}).",
  "privacy.cookie.title": "Cookies",
  "privacy.cookie.body":
    "We use cookies only to remember your display language and keep you logged in. We do not use them for advertising or for external analytics services.",
  "privacy.updated": "Adopted: 24 November 2026",

  "health.ok": "OK",
};
