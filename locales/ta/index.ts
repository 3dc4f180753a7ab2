import bot from "./bot.json";
import engine from "./engine.json";
import questionnaires from "./questionnaires.json";
import schemes from "./schemes.json";
import scoring from "./scoring.json";

export default { bot, engine, questionnaires, schemes, scoring };
