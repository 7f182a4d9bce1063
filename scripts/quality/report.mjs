// Writes docs/quality.md from the judged samples (test/quality/judged/*.json) and the counts of the last
// full corpus run (test/quality/corpus-counts.json). A test keeps the page in step with those files.
//   node scripts/quality/report.mjs
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { judgedDir, root } from './lib.mjs';

export const qualityPage = join(root, 'docs', 'quality.md');
export const countsFile = join(root, 'test', 'quality', 'corpus-counts.json');

/** All judged rules: { rule, criterion, rounds: [{ seed, n, severity, command, corpusCommand, findings, entries }] }. */
export function loadJudged() {
  if (!existsSync(judgedDir)) return [];
  return readdirSync(judgedDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(judgedDir, f), 'utf8')));
}

/** Precision of one round: judged true positives over judged entries. */
export function precisionOf(round) {
  const judged = round.entries.filter((e) => e.verdict === 'richtig' || e.verdict === 'falsch');
  const right = judged.filter((e) => e.verdict === 'richtig').length;
  return { judged: judged.length, right, precision: judged.length ? right / judged.length : NaN };
}

const pct = (x) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(0)} %`);
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function renderQualityReport(judged = loadJudged(), counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : undefined) {
  const lines = [
    '# Qualität der Regeln im Bundesrecht',
    '',
    'Erzeugt mit `node scripts/quality/report.mjs` aus `test/quality/judged/*.json` (Stichproben mit Urteilen)',
    'und `test/quality/corpus-counts.json` (Zählung des letzten vollständigen Korpuslaufs); nicht von Hand ändern.',
    '',
    'So entsteht eine Stichprobe:',
    '',
    '```sh',
    'node scripts/quality/corpus.mjs                                  # alle 6 636 Gesetze prüfen (entpackt den Korpus nach .cache/corpus)',
    'node scripts/quality/sample.mjs --rule schriftform --n 30 --seed 1  # 30 zufällige Befunde ziehen, reproduzierbar',
    '# … Urteil („richtig“/„falsch“) und Begründung in test/quality/judged/<regel>.json eintragen …',
    'node scripts/quality/report.mjs                                   # diese Seite neu schreiben',
    '```',
    '',
    'Präzision = richtige Befunde / beurteilte Befunde der jeweils letzten Stichprobe. Ein falscher Befund, den eine',
    'Regeländerung beseitigt hat, ist als „behoben“ markiert, ein richtiger, den eine Milderung bewusst zum Hinweis',
    'herabstuft, als „jetzt Hinweis“; die Testsuite prüft, dass richtige Befunde gefunden werden und behobene stumm',
    'bleiben (`test/quality/judged-samples.test.ts`).',
    '',
  ];
  if (counts) {
    lines.push('## Befunde im Korpus', '', `Lauf: \`${counts.command}\` über ${counts.laws} Gesetze und Verordnungen (Stand des Korpus: 2022).`, '',
      '| Regel | Befunde | Fehler | Warnungen | Hinweise |', '| --- | ---: | ---: | ---: | ---: |');
    for (const [rule, c] of Object.entries(counts.counts).sort()) {
      lines.push(`| \`${rule}\` | ${c.total} | ${c.error} | ${c.warning} | ${c.info} |`);
    }
    lines.push('');
  }
  if (judged.length) {
    lines.push('## Stichproben', '', '| Regel | Stichprobe | Befunde der Stufe | richtig | Präzision |', '| --- | --- | ---: | ---: | ---: |');
    for (const j of judged) {
      const last = j.rounds[j.rounds.length - 1];
      const p = precisionOf(last);
      lines.push(`| [\`${j.rule}\`](#${j.rule}) | Seed ${last.seed}, ${last.n} Befunde | ${last.findings} | ${p.right}/${p.judged} | ${pct(p.precision)} |`);
    }
    lines.push('');
  }
  lines.push('Die Regeln der Prinzipien 3–5 haben eigene Seiten mit ihren Stichproben in [`docs/quality/`](quality/)',
    '(gezogen mit `scripts/quality/judge-sample.mjs`).', '');
  for (const j of judged) {
    lines.push(`## ${j.rule}`, '');
    if (j.criterion) lines.push(`**Maßstab:** ${j.criterion}`, '');
    j.rounds.forEach((round, r) => {
      const p = precisionOf(round);
      const latest = r === j.rounds.length - 1;
      lines.push(`### Stichprobe ${r + 1}${latest ? ' (aktuell)' : ''}: Seed ${round.seed}`, '',
        `Gezogen mit \`${round.command}\` aus ${round.findings} Befunden (${round.severity === 'all' ? 'alle Stufen' : `Stufe ${round.severity}`}) des Laufs \`${round.corpusCommand}\`.`,
        `Präzision: ${p.right} von ${p.judged} richtig = **${pct(p.precision)}**.`, '');
      if (round.note) lines.push(round.note, '');
      lines.push('| # | Fundstelle | Auszug | Urteil | Begründung |', '| ---: | --- | --- | --- | --- |');
      round.entries.forEach((e, i) => {
        const verdict = e.verdict === 'falsch' ? `falsch${e.status === 'behoben' ? ' (behoben)' : ''}`
          : e.verdict === 'richtig' && e.status === 'herabgestuft' ? 'richtig (jetzt Hinweis)' : (e.verdict ?? 'offen');
        lines.push(`| ${i + 1} | ${cell(e.file.split('/')[1])} ${cell(e.unit)} | ${cell(around(e))} | ${verdict} | ${cell(e.reason)} |`);
      });
      lines.push('');
    });
  }
  return lines.join('\n');
}

/** The words around the finding, the finding in bold (the same words may occur twice in a sentence). */
function around(e) {
  if (e.at === undefined) return `„${e.excerpt}“ – ${e.sentence}`;
  let end = e.at;
  // The excerpt is whitespace-normalised; walk the context until as many non-space characters are covered.
  for (let seen = 0, want = e.excerpt.replace(/\s+/g, '').length; seen < want && end < e.context.length; end++) {
    if (!/\s/.test(e.context[end])) seen++;
  }
  const before = e.context.slice(Math.max(0, e.at - 120), e.at).replace(/^\S*\s/, '');
  const after = e.context.slice(end, end + 120).replace(/\s\S*$/, '');
  return `… ${before}**${e.context.slice(e.at, end)}**${after} …`.replace(/\s+/g, ' ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(qualityPage, renderQualityReport());
  for (const j of loadJudged()) {
    const p = precisionOf(j.rounds[j.rounds.length - 1]);
    console.log(`${j.rule.padEnd(26)} ${p.right}/${p.judged} richtig = ${pct(p.precision)}`);
  }
  console.log('docs/quality.md geschrieben.');
}
