// Does serialized data hold this PIN in clear, as a value of its own? Digits alone are not enough: a timestamp,
// an HLC clock or a UUID may contain any four digits by chance ("1795714321009" holds "4321"), which made a
// plain `not.toContain(pin)` fail now and then. A clear PIN would stand alone between JSON delimiters.
export function holdsClearPin(serialized: string, pin: string): boolean {
  return new RegExp(`(^|[^\\w+/=.-])${pin}([^\\w+/=.-]|$)`).test(serialized);
}
