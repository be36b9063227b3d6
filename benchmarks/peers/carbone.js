// Carbone, reportkit's peer in the benchmark: node carbone.js WORKBOOK TEMPLATE OUT
// (the template made by benchmarks/peer_templates.py, with {d.…[i]}…{d.…[i+1]} repetitions).
// A .docx made from a .docx needs no conversion, so Carbone never starts LibreOffice here.
"use strict";

const fs = require("fs");
const carbone = require("carbone");
const { context } = require("./context");

const [workbook, template, out] = process.argv.slice(2);
carbone.render(template, context(workbook), (error, report) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  fs.writeFileSync(out, report);
});
