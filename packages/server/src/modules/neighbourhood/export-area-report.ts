import {
  type Approach,
  type AreaGeometry,
  type AreaPicture,
  type AreaReportQuery,
  areaGeometrySchema,
} from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { endPdf, pdfDate, startPdf } from '../../lib/pdf.js';
import { approachView } from '../approaches/approach-view.js';
import { listApproachRows } from '../approaches/repository.js';
import { listAreas } from '../areas/repository.js';
import { incidentCategories } from '../incidents/repository.js';
import { getAreaPicture } from './get-area-picture.js';
import { areaWithBuurten, incidentCounts } from './picture-repository.js';

/*
 * The neighbourhood report (the "SITRAP" of an area) for the meeting and the council: the map of the
 * buurten shaded by incidents with the hotspots, the months, the kinds, the buurten, the approach and
 * its indicators, and what changed most. Only numbers — counts about people under five stay "<5" — and
 * never a name, so it needs no audit record of whom it shows.
 */

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;
const few = (n: number | null) => (n === null ? '<5' : String(n));
const nl = (n: number) => n.toLocaleString('nl-NL');

type Ring = [number, number][];
const ringsOf = (g: AreaGeometry): Ring[] =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((polygon) =>
    (polygon[0] ?? []).map((p): [number, number] => [p[0], p[1]]),
  );

/** Draws the outlines in a box: longitude scaled by the cosine of the latitude, north up. */
function drawMap(
  doc: PDFKit.PDFDocument,
  box: { x: number; y: number; w: number; h: number },
  areas: { geometry: AreaGeometry; shade: number; outline: boolean }[],
  hotspots: AreaPicture['hotspots'],
) {
  const points = areas.flatMap((a) => ringsOf(a.geometry).flat());
  if (points.length === 0) return;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(box.w / ((maxLng - minLng) * k || 1), box.h / (maxLat - minLat || 1));
  const at = (lng: number, lat: number): [number, number] => [
    box.x + (lng - minLng) * k * scale,
    box.y + (maxLat - lat) * scale,
  ];
  for (const a of areas) {
    for (const ring of ringsOf(a.geometry)) {
      ring.forEach(([lng, lat], i) => {
        const [x, y] = at(lng, lat);
        if (i === 0) doc.moveTo(x, y);
        else doc.lineTo(x, y);
      });
      doc.closePath();
      // Darker blue for more incidents; white for none.
      const tone = Math.round(245 - a.shade * 150);
      doc
        .lineWidth(a.outline ? 1.5 : 0.6)
        .fillColor(`rgb(${tone}, ${Math.round(tone + (255 - tone) * 0.3)}, 255)`)
        .strokeColor(a.outline ? '#1a3a6b' : '#5c6b80')
        .fillAndStroke();
    }
  }
  const most = Math.max(1, ...hotspots.map((h) => h.count));
  for (const h of hotspots.slice(0, 10)) {
    const [x, y] = at(h.lng, h.lat);
    doc
      .circle(x, y, 3 + 9 * Math.sqrt(h.count / most))
      .lineWidth(1)
      .fillOpacity(0.6)
      .fillColor('#c0392b')
      .strokeColor('#7b1f16')
      .fillAndStroke()
      .fillOpacity(1);
  }
  doc.fillColor('black').strokeColor('black');
}

/** Bars of incidents per month with their numbers. */
function drawMonths(
  doc: PDFKit.PDFDocument,
  box: { x: number; y: number; w: number; h: number },
  months: AreaPicture['months'],
) {
  const most = Math.max(1, ...months.map((m) => m.incidents));
  const step = box.w / Math.max(1, months.length);
  months.forEach((m, i) => {
    const h = (m.incidents / most) * (box.h - 24);
    const x = box.x + i * step + step * 0.15;
    doc
      .rect(x, box.y + box.h - 12 - h, step * 0.7, h)
      .fillColor('#2b5d9c')
      .fill();
    doc.fillColor('black').fontSize(7);
    doc.text(String(m.incidents), x - 4, box.y + box.h - 22 - h, { width: step * 0.7 + 8, align: 'center' });
    doc.text(monthLabel(m.month), x - 6, box.y + box.h - 9, { width: step * 0.7 + 12, align: 'center' });
  });
  doc.fontSize(10);
}

/** `GET /areas/:id/report.pdf?from=&to=`: for every logged-in user of the municipality. */
export async function exportAreaReport(
  ctx: RequestContext,
  id: string,
  q: AreaReportQuery,
): Promise<{ pdf: Buffer; filename: string }> {
  const picture = await getAreaPicture(ctx, id, q);
  const s = ctx.db.read;
  const [areas, kinds, approachRows] = [
    await listAreas(s),
    await incidentCategories(s),
    await listApproachRows(s, id),
  ];
  const kindLabel = new Map(kinds.map((k) => [k.key, k.label]));
  const approaches: Approach[] = [];
  for (const a of approachRows.slice(0, 3)) approaches.push(await approachView(s, a.id));

  const { doc, done } = startPdf(`Wijkbeeld ${picture.area.name}`);
  const heading = (text: string) =>
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text(text).font('Helvetica').fontSize(10);

  const total = picture.months.reduce((n, m) => n + m.incidents, 0);
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(`Wijkbeeld ${picture.area.kind === 'wijk' ? 'wijk' : 'buurt'} ${picture.area.name}`);
  doc.font('Helvetica').fontSize(10).fillColor('#444');
  doc.text(`Periode: ${pdfDate(picture.from)} tot en met ${pdfDate(picture.to)}. ${nl(total)} incidenten.`);
  doc.text('Alleen geaggregeerde cijfers; aantallen over personen onder de 5 staan er als "<5".');
  doc.fillColor('black');

  // The map: the buurten shaded by their incidents, the chosen area outlined, the hotspots in red.
  const lines = new Map(picture.buurten.map((b) => [b.id, b.incidents]));
  const most = Math.max(1, ...picture.buurten.map((b) => b.incidents));
  const drawn = areas
    .filter((a) => a.id === id || lines.has(a.id))
    .flatMap((a) => {
      const g = areaGeometrySchema.safeParse(a.geometry);
      return g.success
        ? [{ geometry: g.data, shade: (lines.get(a.id) ?? 0) / most, outline: a.id === id && lines.size > 1 }]
        : [];
    })
    // The outline of the whole area last, on top of its buurten, unshaded.
    .sort((a, b) => Number(a.outline) - Number(b.outline))
    .map((a) => (a.outline ? { ...a, shade: 0 } : a));
  heading('Kaart');
  const mapTop = doc.y + 4;
  drawMap(
    doc,
    { x: 56, y: mapTop, w: 483, h: 230 },
    drawn.filter((a) => !a.outline),
    picture.hotspots,
  );
  doc.y = mapTop + 236;
  doc.x = 56;
  doc
    .fontSize(8)
    .fillColor('#444')
    .text('Donkerder: meer incidenten. Rode cirkels: brandpunten (cellen van ongeveer 200 bij 200 meter).');
  doc.fillColor('black').fontSize(10);

  heading('Incidenten per maand');
  const chartTop = doc.y + 4;
  drawMonths(doc, { x: 56, y: chartTop, w: 483, h: 120 }, picture.months);
  doc.y = chartTop + 126;
  doc.x = 56;
  for (const m of picture.months) {
    doc.text(
      `${monthLabel(m.month)}: ${nl(m.incidents)} incidenten, ${few(m.signals)} signalen, ${few(m.casesOpened)} casussen geopend, ${few(m.casesClosed)} afgesloten`,
    );
  }

  heading('Incidenten per soort');
  if (!picture.byCategory.length) doc.text('Geen incidenten in deze periode.');
  for (const c of picture.byCategory) doc.text(`${kindLabel.get(c.category) ?? c.category}: ${nl(c.count)}`);

  heading(picture.buurten.length > 1 ? 'Per buurt' : 'De buurt');
  for (const b of picture.buurten) {
    doc.text(
      `${b.name}: ${nl(b.incidents)} incidenten, ${few(b.signals)} signalen, ${few(b.openCases)} open casussen`,
    );
  }

  // What changed most: the last three months against the three before, per kind (at least 5 incidents).
  const recent = picture.months.slice(-3).map((m) => m.month);
  const before = picture.months.slice(-6, -3).map((m) => m.month);
  heading('Opvallende veranderingen');
  if (before.length < 3) doc.text('De periode is te kort om drie maanden met de drie ervoor te vergelijken.');
  else {
    // One count of the six months' incidents per month and kind (not the whole picture again).
    const scope = (await areaWithBuurten(s, id)).map((a) => a.id);
    const rows = await incidentCounts(s, scope, {
      from: `${before[0]}-01`,
      to: lastDay(recent[recent.length - 1] ?? ''),
    });
    const countsIn = (months: string[]) => {
      const counts = new Map<string, number>();
      for (const r of rows)
        if (months.includes(r.month)) counts.set(r.category, (counts.get(r.category) ?? 0) + r.n);
      return counts;
    };
    const [late, early] = [countsIn(recent), countsIn(before)];
    const changes = [...new Set([...late.keys(), ...early.keys()])]
      .map((k) => ({ k, now: late.get(k) ?? 0, before: early.get(k) ?? 0 }))
      .filter(
        (c) => Math.max(c.now, c.before) >= 5 && Math.abs(c.now - c.before) >= Math.max(2, 0.25 * c.before),
      )
      .sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before));
    if (!changes.length) doc.text('Geen soort incident veranderde sterk.');
    for (const c of changes) {
      doc.text(
        `${kindLabel.get(c.k) ?? c.k}: ${c.now > c.before ? 'meer' : 'minder'} (van ${nl(c.before)} naar ${nl(c.now)} in drie maanden)`,
      );
    }
  }

  heading('Brandpunten');
  if (!picture.hotspots.length) doc.text('Geen plekken met meer dan één incident.');
  for (const h of picture.hotspots.slice(0, 5)) {
    doc.text(`${nl(h.count)} incidenten rond ${h.lat.toFixed(4)} N, ${h.lng.toFixed(4)} O`);
  }

  heading('De aanpak');
  if (!approaches.length) doc.text('Voor dit gebied loopt geen wijkaanpak.');
  for (const a of approaches) {
    doc
      .font('Helvetica-Bold')
      .text(`${a.title} (${a.areaName}, sinds ${pdfDate(a.startDate)})`)
      .font('Helvetica');
    doc.text(`Gezamenlijk doel: ${a.jointGoal}`);
    for (const p of a.partners) doc.text(`• ${p.name}${p.commitment ? `: ${p.commitment}` : ''}`);
    for (const i of a.indicators) {
      const progress =
        i.progress === null ? 'nog geen meting' : `${Math.round(i.progress * 100)}% van de weg`;
      doc.text(
        `${i.name}: begin ${nl(i.baseline)}, nu ${i.latest === null ? '–' : nl(i.latest)}, doel ${nl(i.target)} ${i.unit} — ${progress}`,
      );
    }
    doc.moveDown(0.5);
  }

  endPdf(doc, 'Geen persoonsgegevens.');
  const pdf = await done;
  return { pdf, filename: `wijkbeeld-${picture.area.code}-${picture.from}-${picture.to}.pdf` };
}

/** The last day (`YYYY-MM-DD`) of the month `YYYY-MM`. */
function lastDay(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}
