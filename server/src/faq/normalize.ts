/**
 * A question as the unanswered list groups it: case, accents, punctuation and spacing ignored, so
 * "Do you have a GYM?" and "do you have a gym" are one question asked twice.
 */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 300);
}
