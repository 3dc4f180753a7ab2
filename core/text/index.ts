export { toLatinDigits } from "./digits";
export { numberFromWord } from "./number-words";
export { readNumber } from "./read-number";
