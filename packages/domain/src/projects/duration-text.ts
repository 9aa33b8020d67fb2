/**
 * A duration in hours as a person says it — `45 min`, `5 h`, `3 d 4 h` — and `—` for none: the
 * words the web and the CLI both show for response times and waiting (docs/projects.md).
 */
export function hoursText(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  // Rounded first, then split: 47.9 h is "2 d", never "1 d 24 h"; 59.8 min is "1 h".
  const minutes = Math.max(1, Math.round(hours * 60));
  if (minutes < 60) return `${minutes} min`;
  const whole = Math.round(hours) || 1;
  if (whole < 24) return `${whole} h`;
  const days = Math.floor(whole / 24);
  const rest = whole - days * 24;
  return rest > 0 ? `${days} d ${rest} h` : `${days} d`;
}
