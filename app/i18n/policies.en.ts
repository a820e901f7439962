/** The accessibility and privacy policy pages. */
export const policiesEn = {
  "a11y.title": "Web accessibility policy",
  "a11y.intro":
    "{city} is committed to ensuring and improving web accessibility so that everyone, including older people and people with disabilities, can use the Citizen Collaboration Portal.",
  "a11y.target.title": "Scope",
  "a11y.target.body": "All pages of the {site} (this website).",
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
    "{city} manages the personal information handled on this portal appropriately, in accordance with the Act on the Protection of Personal Information (which has applied to local governments since April 2023).",
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
} as const;
