/**
 * Cluster scoring by the guide's method: the score card's components and consolidated score
 * (Tables 2.7–2.9), the Table 1.4 classification, the cluster map (Tables 2.3–2.4), eligibility
 * (Table 1.2, critical mass, CEPI) and moderation flags. Pure and deterministic.
 */
export * from "./issues";
export * from "./scheme";
export * from "./response-set";
export * from "./tally";
export * from "./issue-stats";
export * from "./engagement";
export * from "./classification";
export * from "./map-cell";
export * from "./cluster-score";
export * from "./eligibility";
export * from "./moderation-flags";
export * from "./round";
