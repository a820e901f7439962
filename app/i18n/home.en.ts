/** The home page. */
export const homeEn = {
  "home.title": "Citizen Collaboration Portal",
  "home.lead":
    "This portal supports Policy Pillar 6 of the {city} Comprehensive Plan, ‘Efficient administration and finances, and a city of citizen collaboration’. We are gradually developing it so that you can register civic organisations, comment on policies, sign up for events and apply for community centre support, all in one place.",
  "home.sections": "What you can do on this portal",
  "home.districts.title": "Districts and community centres",
  "home.districts.body":
    "Look up the city’s {count} districts (gyōseiku) and find the location of each community centre and how to use it.",
  "home.contact.title": "Comments and enquiries",
  "home.contact.body": "Let us know about anything on the portal that is hard to use, or any accessibility problems.",
  "home.plan.title": "Comprehensive Plan, Policy Pillar 6",
  "home.plan.body":
    "Its goals are more civic organisations, greater citizen participation in policy-making, support for community centres, human rights education, more women on advisory councils, digital services and sound financial management.",
} as const;
