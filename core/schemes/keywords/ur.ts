import type { KeywordTable } from "./types";

/** Urdu. */
export const ur: KeywordTable = {
  child_labour: ["چائلڈ لیبر", "بچوں کی مزدوری", "بچہ مزدوری", "بال مزدوری"],
  women: ["خواتین", "عورت", "عورتیں", "عورتوں"],
  health: ["صحت", "علاج"],
  energy: ["توانائی", "بجلی", "ایندھن"],
  pollution: ["آلودگی"],
  water: ["پانی"],
  air: ["ہوا"],
  noise: ["شور"],
  wages: ["اجرت", "تنخواہ", "مزدوری"],
  working_hours: ["کام کے اوقات", "اوقات کار"],
  safety: ["حفاظت", "تحفظ", "حادثہ"],
  insurance: ["بیمہ", "انشورنس"],
  credit: ["قرض", "لون"],
  skills: ["ہنر", "تربیت"],
  artisans: ["کاریگر", "دستکار", "بنکر"],
  workers: ["مزدور", "کارکن"],
  children: ["بچے", "بچوں"],
  education: ["تعلیم"],
  housing: ["رہائش", "مکان", "ہاسٹل"],
  pension: ["پنشن"],
  disability: ["معذور"],
};
