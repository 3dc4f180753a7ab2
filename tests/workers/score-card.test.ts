import { describeScoreCard } from "../helpers/scenarios/score-card";
import { workerTarget } from "../helpers/scenarios/target";

// The same scenario as on Node + SQLite, here on the bundle `wrangler deploy` uploads, in workerd, on a local D1.
describeScoreCard(workerTarget);
