/** The home page (each domain's blocks come from its own catalogue: HomeSection in platform/contributions.ts). */
export const homeEn = {
  "home.title": "Citizen Collaboration Portal",
  "home.lead": "Find the civic groups active in the city, or register your own: the place where {city} and its residents work together.",
  "home.sections": "What you can do on this portal",
  "home.more": "More",
  "home.plan.title": "Comprehensive Plan, Policy Pillar 6",
  "home.plan.body":
    "This portal supports Policy Pillar 6 of the {city} Comprehensive Plan, ‘Efficient administration and finances, and a city of citizen collaboration’. Its goals are more civic organisations, greater citizen participation in policy-making, support for community centres, human rights education, more women on advisory councils, digital services and sound financial management. Comments on draft policies and sign-up for events will follow here.",
} as const;
