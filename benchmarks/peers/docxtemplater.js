// docxtemplater, reportkit's peer in the benchmark: node docxtemplater.js WORKBOOK TEMPLATE OUT
// (the template made by benchmarks/peer_templates.py, with {#loop}…{/loop} tags).
"use strict";

const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const { context } = require("./context");

const [workbook, template, out] = process.argv.slice(2);
const document = new Docxtemplater(new PizZip(fs.readFileSync(template)), {
  paragraphLoop: true,
  linebreaks: true,
});
document.render(context(workbook));
fs.writeFileSync(out, document.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
