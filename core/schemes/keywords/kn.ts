import type { KeywordTable } from "./types";

/** Kannada. */
export const kn: KeywordTable = {
  child_labour: ["ಬಾಲ ಕಾರ್ಮಿಕ", "ಬಾಲಕಾರ್ಮಿಕ", "ಬಾಲ ಕಾರ್ಮಿಕರು"],
  women: ["ಮಹಿಳೆ", "ಮಹಿಳೆಯರು", "ಮಹಿಳಾ", "ಸ್ತ್ರೀ"],
  health: ["ಆರೋಗ್ಯ", "ಚಿಕಿತ್ಸೆ"],
  energy: ["ಶಕ್ತಿ", "ವಿದ್ಯುತ್", "ಇಂಧನ"],
  pollution: ["ಮಾಲಿನ್ಯ"],
  water: ["ನೀರು", "ಜಲ"],
  air: ["ಗಾಳಿ", "ವಾಯು"],
  noise: ["ಶಬ್ದ ಮಾಲಿನ್ಯ", "ಗದ್ದಲ"],
  wages: ["ವೇತನ", "ಕೂಲಿ", "ಸಂಬಳ"],
  working_hours: ["ಕೆಲಸದ ಸಮಯ", "ಕೆಲಸದ ಅವಧಿ"],
  safety: ["ಸುರಕ್ಷತೆ", "ಸುರಕ್ಷಾ", "ಅಪಘಾತ"],
  insurance: ["ವಿಮೆ"],
  credit: ["ಸಾಲ"],
  skills: ["ಕೌಶಲ್ಯ", "ತರಬೇತಿ"],
  artisans: ["ಕುಶಲಕರ್ಮಿ", "ನೇಕಾರ"],
  workers: ["ಕಾರ್ಮಿಕರು", "ಕಾರ್ಮಿಕ", "ಕೆಲಸಗಾರರು"],
  children: ["ಮಕ್ಕಳು", "ಮಕ್ಕಳ"],
  education: ["ಶಿಕ್ಷಣ"],
  housing: ["ವಸತಿ", "ಮನೆ"],
  pension: ["ಪಿಂಚಣಿ"],
  disability: ["ಅಂಗವಿಕಲ", "ವಿಕಲಚೇತನ"],
};
