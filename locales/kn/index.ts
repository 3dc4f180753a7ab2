import bot from "./bot.json";
import campaigns from "./campaigns.json";
import declarations from "./declarations.json";
import engine from "./engine.json";
import questionnaires from "./questionnaires.json";
import schemes from "./schemes.json";
import scoring from "./scoring.json";
import slack from "./slack.json";

export default { bot, campaigns, declarations, engine, questionnaires, schemes, scoring, slack };
