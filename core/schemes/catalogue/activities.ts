import type { Activity } from "../types";

/**
 * The guide's Annex IV: possible BR activities in a cluster, by area, described in our words. Issue
 * tags say which score-card issues an activity works on; they drive the suggestions for a cluster's
 * priority issues. Energy activities carry `air_pollution` because saving fuel cuts combustion smoke.
 */
export const ACTIVITIES: readonly Activity[] = [
  { id: "ethical-marketing", area: "socio_economic", description: "Deal fairly with buyers in marketing and after-sales service", issues: [], groups: [] },

  { id: "working-conditions", area: "labour_welfare", description: "Improve working conditions in the units", issues: ["working_conditions_child_labour"], groups: ["workers"] },
  { id: "health-safety-training", area: "labour_welfare", description: "Train workers in health and safety at work", issues: ["working_conditions_child_labour"], groups: ["workers"] },
  { id: "fair-wages", area: "labour_welfare", description: "Pay fair wages", issues: ["wages_benefits"], groups: ["workers"] },
  { id: "worker-skills", area: "labour_welfare", description: "Set up facilities for upgrading workers' skills", issues: ["wages_benefits"], groups: ["workers"] },
  { id: "women-worker-facilities", area: "labour_welfare", description: "Provide special facilities for women workers", issues: ["working_conditions_child_labour"], groups: ["women", "workers"] },
  { id: "group-social-security", area: "labour_welfare", description: "Arrange group life and medical insurance for unorganised workers and artisans", issues: ["wages_benefits"], groups: ["workers", "artisans"] },
  { id: "no-gender-discrimination", area: "labour_welfare", description: "End every kind of gender discrimination at work", issues: ["wages_benefits", "working_conditions_child_labour"], groups: ["women"] },

  { id: "health-awareness", area: "health_care", description: "Raise health awareness with talks, seminars and workshops", issues: ["community_health"], groups: ["workers"] },
  { id: "adolescent-health", area: "health_care", description: "Health education and counselling for adolescents", issues: ["community_health"], groups: ["youth"] },
  { id: "health-camps", area: "health_care", description: "Hold health camps for workers and their families", issues: ["community_health"], groups: ["workers"] },
  { id: "mobile-clinics", area: "health_care", description: "Bring mobile diagnosis and treatment to the cluster", issues: ["community_health"], groups: [] },
  { id: "health-convergence", area: "health_care", description: "Bring other organisations' health programmes together in the cluster", issues: ["community_health"], groups: [] },
  { id: "health-infrastructure", area: "health_care", description: "Build health-care infrastructure and facilities", issues: ["community_health"], groups: [] },

  { id: "scholarships", area: "education", description: "Scholarships, stipends, books and uniforms for children of workers and weaker sections", issues: ["working_conditions_child_labour"], groups: ["children"] },
  { id: "tuition-centres", area: "education", description: "Tuition centres for workers' children where child labour is common", issues: ["working_conditions_child_labour"], groups: ["children"] },
  { id: "adult-education", area: "education", description: "Non-formal and adult education and personal development", issues: [], groups: ["workers"] },
  { id: "vocational-training", area: "education", description: "Vocational training", issues: ["wages_benefits"], groups: ["youth", "workers"] },
  { id: "environmental-education", area: "education", description: "Environmental education in local schools", issues: ["air_pollution", "water_pollution"], groups: ["children"] },

  { id: "short-stay-homes", area: "women_children", description: "Build and run short-stay homes for women and girls", issues: ["generic_social_issues"], groups: ["women"] },
  { id: "women-children-in-distress", area: "women_children", description: "Help women and children in difficult circumstances", issues: ["generic_social_issues"], groups: ["women", "children"] },
  { id: "women-income-generation", area: "women_children", description: "Create jobs and income for women", issues: ["wages_benefits"], groups: ["women"] },
  { id: "women-empowerment", area: "women_children", description: "Activities that empower women", issues: ["generic_social_issues"], groups: ["women"] },
  { id: "violence-against-women", area: "women_children", description: "Prevent atrocities against women", issues: ["generic_social_issues"], groups: ["women"] },
  { id: "women-training-employment", area: "women_children", description: "Training and employment programmes for women", issues: ["wages_benefits"], groups: ["women"] },
  { id: "creches", area: "women_children", description: "Crèches for the children of working women", issues: ["working_conditions_child_labour"], groups: ["women", "children"] },
  { id: "early-childhood-education", area: "women_children", description: "Early childhood education for children aged three to six", issues: [], groups: ["children"] },

  { id: "pollution-control", area: "environment", description: "Reduce air, water, land and noise pollution", issues: ["air_pollution", "water_pollution", "noise_pollution"], groups: [] },
  { id: "waste-management", area: "environment", description: "Manage waste: effluent treatment plants, landfills, incinerators, safe chemical disposal", issues: ["water_pollution", "air_pollution"], groups: [] },
  { id: "resource-efficiency", area: "environment", description: "Use natural resources sparingly and avoid restricted materials", issues: ["water_pollution", "air_pollution"], groups: [] },
  { id: "rainwater-harvesting", area: "environment", description: "Harvest rain water", issues: ["water_pollution"], groups: [] },
  { id: "watershed-management", area: "environment", description: "Manage the watershed", issues: ["water_pollution"], groups: [] },
  { id: "afforestation", area: "environment", description: "Plant trees", issues: ["air_pollution"], groups: [] },

  { id: "energy-awareness", area: "energy", description: "Spread energy-saving practice through talks, workshops and camps", issues: ["air_pollution"], groups: [] },
  { id: "energy-audits", area: "energy", description: "Energy audits of the units", issues: ["air_pollution"], groups: ["msmes"] },
  { id: "energy-efficient-technology", area: "energy", description: "Adopt energy-efficient technology", issues: ["air_pollution", "noise_pollution"], groups: ["msmes"] },
  { id: "alternative-energy", area: "energy", description: "Use alternative sources of energy", issues: ["air_pollution"], groups: [] },
  { id: "waste-to-energy", area: "energy", description: "Turn by-products and waste into energy", issues: ["air_pollution", "water_pollution"], groups: [] },

  { id: "addiction", area: "generic_social", description: "Act against alcohol and drug addiction and abuse", issues: ["generic_social_issues"], groups: [] },
  { id: "child-marriage", area: "generic_social", description: "Act against child marriage", issues: ["generic_social_issues"], groups: ["children", "women"] },
  { id: "dowry", area: "generic_social", description: "Act against dowry", issues: ["generic_social_issues"], groups: ["women"] },
  { id: "human-rights", area: "generic_social", description: "Act against human-rights violations", issues: ["generic_social_issues"], groups: [] },

  { id: "disabled-income-generation", area: "weaker_sections", description: "Income-generating work for persons with disabilities", issues: [], groups: ["disabled"] },
  { id: "disability-voluntary-action", area: "weaker_sections", description: "Voluntary action for persons with disabilities", issues: [], groups: ["disabled"] },
  { id: "disabled-children-education", area: "weaker_sections", description: "Education and rehabilitation of children with disabilities", issues: [], groups: ["disabled", "children"] },
  { id: "elderly-care", area: "weaker_sections", description: "Care for elderly people", issues: ["community_health"], groups: ["elderly"] },
];
