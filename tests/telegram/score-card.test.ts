import { describeScoreCard } from "../helpers/scenarios/score-card";
import { nodeTarget } from "../helpers/scenarios/target";

// The same scenario runs on the Worker + D1 in tests/workers/score-card.test.ts.
describeScoreCard(nodeTarget);
