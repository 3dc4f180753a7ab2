import type { KeywordTable } from "./types";

/** Punjabi (Gurmukhi). */
export const pa: KeywordTable = {
  child_labour: ["ਬਾਲ ਮਜ਼ਦੂਰੀ", "ਬਾਲ ਮਜ਼ਦੂਰ", "ਬਾਲ ਕਿਰਤ"],
  women: ["ਔਰਤ", "ਔਰਤਾਂ", "ਮਹਿਲਾ", "ਇਸਤਰੀ"],
  health: ["ਸਿਹਤ", "ਇਲਾਜ"],
  energy: ["ਊਰਜਾ", "ਬਿਜਲੀ", "ਬਾਲਣ"],
  pollution: ["ਪ੍ਰਦੂਸ਼ਣ"],
  water: ["ਪਾਣੀ"],
  air: ["ਹਵਾ"],
  noise: ["ਸ਼ੋਰ", "ਰੌਲਾ"],
  wages: ["ਤਨਖਾਹ", "ਤਨਖ਼ਾਹ", "ਮਜ਼ਦੂਰੀ", "ਉਜਰਤ"],
  working_hours: ["ਕੰਮ ਦੇ ਘੰਟੇ"],
  safety: ["ਸੁਰੱਖਿਆ", "ਹਾਦਸਾ"],
  insurance: ["ਬੀਮਾ"],
  credit: ["ਕਰਜ਼ਾ", "ਕਰਜ਼", "ਲੋਨ"],
  skills: ["ਹੁਨਰ", "ਸਿਖਲਾਈ"],
  artisans: ["ਕਾਰੀਗਰ", "ਜੁਲਾਹਾ", "ਜੁਲਾਹੇ"],
  workers: ["ਮਜ਼ਦੂਰ", "ਕਾਮੇ", "ਕਿਰਤੀ"],
  children: ["ਬੱਚੇ", "ਬੱਚਿਆਂ"],
  education: ["ਸਿੱਖਿਆ", "ਪੜ੍ਹਾਈ"],
  housing: ["ਮਕਾਨ", "ਰਿਹਾਇਸ਼", "ਹੋਸਟਲ"],
  pension: ["ਪੈਨਸ਼ਨ", "ਪੈਨਸ਼ਨਾਂ"],
  disability: ["ਅਪਾਹਜ", "ਦਿਵਿਆਂਗ"],
};
