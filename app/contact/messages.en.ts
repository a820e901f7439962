/** The contact form and the mail it sends. */
export const contactEn = {
  "contact.title": "Contact us",
  "contact.lead":
    "Please send us your comments on using the portal, accessibility problems or the handling of personal information. Handled by: {section}. If you would like a personal reply, please include your email address.",
  "contact.purpose":
    "Your name and email address will be used only to reply to this enquiry. Once we have replied, they will be disposed of in accordance with the city’s records management regulations.",
  "contact.phoneTitle": "By telephone",
  "contact.phone": "{section}, tel.",
  "contact.hours": "Office hours: {officeHours}",
  "contact.home.title": "Comments and enquiries",
  "contact.home.body": "Let us know about anything on the portal that is hard to use, or any accessibility problems. You can also call us ({phone}).",
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
} as const;
