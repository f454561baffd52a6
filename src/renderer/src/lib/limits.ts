/** "A note can be at most 20,000 characters; this one has 25,000." — said before main has to refuse it. */
export function tooLongMessage(what: string, limit: number, length: number): string {
  const subject = what.charAt(0).toUpperCase() + what.slice(1)
  return `${subject} can be at most ${limit.toLocaleString('en')} characters; this one has ${length.toLocaleString('en')}.`
}
