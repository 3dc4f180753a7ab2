import type { KeywordTable } from "./types";

/**
 * English. These phrases are also the synonyms a concept expands to in the full-text query, whatever
 * the language asked in, because the catalogue's texts are English.
 */
export const en: KeywordTable = {
  child_labour: ["child labour", "child labor", "working children", "child workers", "child worker"],
  women: ["women", "woman", "female", "girls", "girl"],
  health: ["health", "medical", "healthcare", "hospital", "clinic"],
  energy: ["energy", "fuel", "power", "electricity"],
  pollution: ["pollution", "emission", "emissions", "pollutants", "polluting"],
  water: ["water", "effluent", "effluents", "wastewater"],
  air: ["air", "smoke", "dust", "fumes"],
  noise: ["noise", "noisy"],
  wages: ["wages", "wage", "salary", "pay"],
  working_hours: ["working hours", "hours of work", "work hours", "overtime"],
  safety: ["safety", "accident", "accidents", "occupational"],
  insurance: ["insurance", "social security", "mediclaim"],
  credit: ["loan", "loans", "credit", "microfinance", "micro finance", "finance"],
  skills: ["skills", "skill", "training", "vocational"],
  artisans: ["artisans", "artisan", "craftspeople", "craftsmen", "weavers", "weaver", "handloom", "handicrafts"],
  workers: ["workers", "worker", "labour", "labor", "employees", "workforce"],
  children: ["children", "child", "kids"],
  education: ["education", "school", "schooling", "literacy"],
  housing: ["housing", "hostel", "shelter", "accommodation"],
  pension: ["pension", "pensions"],
  disability: ["disability", "disabled", "disabilities", "handicapped", "divyang"],
  elderly: ["elderly", "older persons", "old age", "senior citizens"],
  youth: ["youth", "young people", "adolescent", "adolescents"],
  union: ["collective bargaining", "trade union", "union", "unions"],
  waste: ["waste", "garbage", "recycling", "cleaner production"],
  childcare: ["creche", "crèche", "day care", "childcare"],
  addiction: ["addiction", "alcoholism", "alcohol", "drugs", "substance abuse"],
  msmes: ["msme", "msmes", "small enterprises", "micro enterprises", "sme", "smes"],
  caste: ["scheduled castes", "scheduled caste", "scheduled tribes", "dalit", "obc", "tribal", "adivasi"],
  minorities: ["minorities", "minority"],
  north_east: ["north east", "northeast", "north eastern"],
};
