// The workbook read with SheetJS into the data both peers fill their template with: what
// benchmarks/plain.py gives docxtpl, so that the three pipelines do the same work. Neither
// peer's free edition makes bold runs from data, so `**bold**` markup is dropped.
"use strict";

const XLSX = require("xlsx");

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
// Excel counts days from 1899-12-30; SheetJS gives a date cell as that serial number,
// turned into a date here in UTC so that the machine's time zone cannot shift it.
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

function rows(book, name) {
  return XLSX.utils.sheet_to_json(book.Sheets[name], { defval: null });
}

function day(serial) {
  const d = new Date(EPOCH_MS + Math.round(serial * DAY_MS));
  return `${String(d.getUTCDate()).padStart(2, "0")} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function clock(value) {
  if (typeof value !== "number") return value == null ? "" : String(value);
  const minutes = Math.round((value % 1) * 1440);
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minutes / 60))}.${pad(minutes % 60)}`;
}

function context(workbook) {
  const book = XLSX.readFile(workbook);
  const meeting = Object.fromEntries(rows(book, "Meeting").map((r) => [r.Field, r.Value]));
  const groups = new Map();
  for (const p of rows(book, "Participants")) {
    const delegation = String(p.Delegation);
    if (!groups.has(delegation)) groups.set(delegation, []);
    groups.get(delegation).push({
      name: `${p.Honorific} ${p["First name"]} ${p["Last name"]}`.toUpperCase(),
      details: `${p.Position}, ${p.Organisation}`,
    });
  }
  return {
    title: String(meeting.title).toUpperCase(),
    dates: `${day(meeting.date)}, ${meeting.venue}`,
    body: rows(book, "Report").map((b) => ({
      kind: b.Kind,
      text: String(b.Text).replaceAll("**", ""),
      heading: b.Kind === "heading",
      bullet: b.Kind === "bullet",
      paragraph: b.Kind !== "heading" && b.Kind !== "bullet",
    })),
    agenda: rows(book, "Agenda").map((a) => ({ text: a.Text })),
    programme: rows(book, "Programme").map((s) => ({
      time: `${clock(s.Start)} - ${clock(s.End)}`,
      title: s.Title || "",
      description: s.Description || "",
      points: s.Points || "",
    })),
    delegations: [...groups.keys()].sort().map((d) => ({ name: d.toUpperCase(), people: groups.get(d) })),
  };
}

module.exports = { context };
