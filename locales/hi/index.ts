import bot from "./bot.json";
import declarations from "./declarations.json";
import engine from "./engine.json";
import questionnaires from "./questionnaires.json";
import schemes from "./schemes.json";
import scoring from "./scoring.json";
import slack from "./slack.json";

export default { bot, declarations, engine, questionnaires, schemes, scoring, slack };
