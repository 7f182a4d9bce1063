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

/** The aspects of the five principles (v1.5), by number: what a rule's `aspect` refers to. */
export const ASPECTS: Readonly<Record<string, string>> = {
  '1.1': 'Ermöglichen Sie digitale Kommunikation und Bearbeitung',
  '1.2': 'Formulieren Sie die Regelung technologieoffen',
  '1.3': 'Denken Sie an Antragsstellung, Bearbeitung und Bescheid',
  '1.4': 'Denken Sie Barrierefreiheit von Anfang an mit',
  '1.5': 'Stellen Sie eine nutzerfreundliche Umsetzung sicher',
  '2.1': 'Nutzen Sie harmonisierte Rechtsbegriffe',
  '2.2': 'Nutzen Sie existierende Daten',
  '2.3': 'Machen Sie erhobene Daten für andere nutzbar',
  '2.4': 'Nutzen Sie bestehende technische Standards',
  '2.5': 'Suchen Sie frühzeitig den Austausch mit allen Beteiligten',
  '3.1': 'Ermöglichen Sie die Nutzung etablierter, öffentlicher Lösungen',
  '3.2': 'Bevorzugen Sie Open-Source-Software und offene Spezifikationen',
  '4.1': 'Beachten Sie bestehende Prozesse und Verantwortlichkeiten',
  '4.2': 'Bündeln Sie Aufgaben im Vollzug',
  '4.3': 'Nutzen Sie das Potenzial von Automatisierung',
  '4.4': 'Unterscheiden Sie zwischen genereller Regel, Ausnahmen und Ermessensspielräumen',
  '4.5': 'Schreiben Sie einfach, eindeutig und widerspruchsfrei',
  '5.1': 'Stellen Sie den Datenschutz sicher',
  '5.2': 'Gewährleisten Sie die Informationssicherheit',
};
