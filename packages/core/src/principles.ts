/** The five principles of the Digitalcheck, version 1.5 (June 2025), in official order. */
export const PRINCIPLES = [
  { number: 1, name: 'Digitale Angebote für alle nutzbar gestalten', slug: 'digitale-angebote-fuer-alle-nutzbar-gestalten' },
  { number: 2, name: 'Datenwiederverwendung benötigt einheitliches Recht', slug: 'datenwiederverwendung-benoetigt-einheitliches-recht' },
  { number: 3, name: 'Etablierte Technologien ermöglichen effiziente Umsetzung', slug: 'etablierte-technologien-ermoeglichen-effiziente-umsetzung' },
  { number: 4, name: 'Automatisierung basiert auf eindeutigen Regelungen', slug: 'automatisierung-basiert-auf-eindeutigen-regelungen' },
  { number: 5, name: 'Datenschutz und Informationssicherheit schaffen Vertrauen', slug: 'datenschutz-und-informationssicherheit-schaffen-vertrauen' },
] as const;

export function principleUrl(principle: number): string {
  const p = PRINCIPLES[principle - 1];
  return `https://digitalcheck.bund.de/methoden/fuenf-prinzipien/${p ? p.slug : ''}`;
}
